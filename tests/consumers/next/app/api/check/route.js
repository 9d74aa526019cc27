// A route handler: the note is checked on the server (Node entry; no init() needed).
import { checkNote } from "chartlint";
import { summary } from "../../../../lib/report.js";

export async function POST(request) {
  try {
    return Response.json(summary(checkNote(await request.json())));
  } catch (e) {
    return Response.json({ error: e.message }, { status: 400 });
  }
}
