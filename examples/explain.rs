//! Prints what chartlint reads in a note's text, and the report's findings.
//!
//! `cargo run --example explain -- note.json` (a Note, or a corpus file with a `note` field).

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain NOTE.json");
        return;
    };
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) else {
        eprintln!("{path}: not JSON");
        return;
    };
    let mut note = v.get("note").cloned().unwrap_or(v);
    if let Some(t) = std::env::args().nth(2) {
        // A text file given after the note replaces its text.
        if let (Ok(text), Some(obj)) = (std::fs::read_to_string(&t), note.as_object_mut()) {
            obj.insert("text".into(), serde_json::Value::String(text));
        }
    }
    let text = note
        .get("text")
        .and_then(|t| t.as_str())
        .unwrap_or("")
        .to_string();
    let setting = match chartlint::Note::from_value(&note) {
        Ok(n) => chartlint::testing::reader_setting(&n),
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let facts = chartlint::testing::read(&text, setting);
    let show = |label: &str, ev: &[chartlint::testing::Evidence]| {
        for e in ev {
            println!(
                "{label:>12}: {:?} ({}; {:?} {})",
                text.get(e.span.start..e.span.end).unwrap_or("?"),
                e.concept,
                e.section,
                e.context.unwrap_or("")
            );
        }
    };
    for s in &facts.sentences {
        let kind = s
            .section
            .and_then(|i| facts.sections.get(i))
            .map(|x| format!("{:?}", x.kind))
            .unwrap_or_default();
        println!(
            "{kind:>12} | {:?}",
            text.get(s.span.start..s.span.end).unwrap_or("?")
        );
    }
    for g in &facts.goals {
        println!(
            "        goal: measurable={} timeframe={} {:?}",
            g.measurable,
            g.timeframe,
            text.get(g.span.start..g.span.end).unwrap_or("?")
        );
    }
    show("progress", &facts.progress);
    show("necessity", &facts.medical_necessity);
    show("skilled", &facts.skilled);
    show("response", &facts.patient_response);
    show("plan", &facts.plan);
    show("outcome", &facts.outcome_measures);
    for s in &facts.signatures {
        println!(
            "   signature: {:?} {:?}",
            text.get(s.span.start..s.span.end).unwrap_or("?"),
            s.credentials
        );
    }
    for r in &facts.red_flags {
        println!(
            "    red flag: {:?} {:?}",
            r.kind,
            text.get(r.span.start..r.span.end).unwrap_or("?")
        );
    }
    for i in &facts.interventions {
        println!(
            "intervention: {:?} {:?} min={:?} units={:?}",
            i.codes,
            text.get(i.span.start..i.span.end).unwrap_or("?"),
            i.minutes.map(|m| m.value),
            i.units.map(|m| m.value)
        );
    }
    println!(
        "totals: timed={:?} treatment={:?}",
        facts.total_timed.map(|m| m.value),
        facts.total_treatment.map(|m| m.value)
    );
    println!("evaluation: {:#?}", facts.evaluation);
    match chartlint::Checker::with_defaults().check_value(&note) {
        Ok(r) => {
            for f in &r.findings {
                println!("FINDING {} {:?}", f.rule, f.message);
            }
        }
        Err(e) => println!("rejected: {e}"),
    }
}
