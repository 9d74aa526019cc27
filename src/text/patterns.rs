//! The text patterns, as data. Each is compiled once by [`super::TextScanner::new`].
//!
//! Written with `\b`, `\d` and `\w` for readability; [`ascii`] turns them into ASCII classes
//! (`(?-u:\b)`, `[0-9]`, `[A-Za-z0-9_]`) before compiling, so that the lazy DFA never has to
//! give up on non-ASCII text and the compiled automata stay small. Letters are matched
//! case-insensitively only where a pattern says `(?i)`.

/// Rewrites `\b`, `\d`, `\w` to their ASCII forms.
pub(super) fn ascii(p: &str) -> String {
    p.replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace(r"\w", "[A-Za-z0-9_]")
}

/// Section headings at the start of a line (after an optional bullet) or after a sentence's
/// end. Groups: `s` one-letter SOAP heading, `g` + `gr` a goals heading and what follows it
/// before the colon (numbers, a timeframe), `h` any other heading.
pub(super) const HEADING: &str = concat!(
    r"(?m)(?:^[ \t]*(?:[-*#>•]+[ \t]*)?|[.!?][ \t]+)(?:",
    r"(?P<s>[SOAP])[ \t]*:",
    r"|(?P<g>(?i:(?:(?:revised|updated|new|current|prior|previous|remaining|modified|treatment|therapy|rehab|functional|discharge|plan[ \t]+of[ \t]+care|ot|pt|st|slp)[ \t]+)?(?:STG'?s?|LTG'?s?|short[- ]term[ \t]+goals?|long[- ]term[ \t]+goals?|goals?)(?:[ \t]+status)?))",
    r"(?:(?P<gr>(?i:[ \t]*(?:#?[ \t]*\d{1,2}[a-z]?|\([^)\n]{0,60}\)|[-–][ \t]*\d{1,3}[ \t]*(?:wks?|weeks?|days?|visits?|months?|mos?)|(?:to[ \t]+be[ \t]+(?:met|achieved|completed)[ \t]+)?(?:in|within|by)[ \t]+[^:\n.]{1,30}))*)",
    r"[ \t]*(?::|\)|[ \t]+[-–—][ \t]+|[.][ \t]|$)|(?P<gr2>[^:\n.]{1,80}):)",
    r"|(?P<h>(?i:(?:assessment|impression|a)[ \t]*(?:/|&|and)[ \t]*(?:plan|p)|subjective|subj|objective|obj|assessment|assess|impression|clinical[ \t]+impression|analysis|summary|plan[ \t]+of[ \t]+care|plan|POC|recommendations?|recs|discharge[ \t]+plan|d/c[ \t]+plan|next[ \t]+visit|next[ \t]+session|treatment[ \t]+provided|treatment|tx|interventions?|procedures|response(?:[ \t]+to[ \t]+(?:tx|treatment|intervention|session))?|pt[ \t]+response|patient[ \t]+response|tolerance|history|hx|hpi|chief[ \t]+complaint|cc|patient[ \t]+goals?|pt[ \t]+goals?|patient[ \t]+report|pt[ \t]+report|exam|examination|findings|tests[ \t]+and[ \t]+measures|objective[ \t]+measures|outcome[ \t]+measures?|progress(?:[ \t]+toward[ \t]+goals)?|progress[ \t]+summary|prognosis|rehab[ \t]+potential|medical[ \t]+necessity|skilled[ \t]+need|justification|frequency(?:[ \t]*(?:/|and|&)[ \t]*duration)?|duration|dx|diagnosis|precautions|education|pain|vitals|HEP|home[ \t]+program|billing|charges|time|signature))",
    r"[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*(?::|[ \t]+[-–—][ \t]+|$))"
);

/// Timeframes of goals ("in 4 weeks", "by discharge", "within 6 visits", "by 3/15", "(8 wks)").
pub(super) const TIMEFRAME: &str = concat!(
    r"(?i)\b(?:in|within|over|after|x|for|by|next)\s+(?:the\s+next\s+|the\s+)?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)",
    r"(?:\s*(?:-|–|to)\s*\d{1,3})?\s*(?:more\s+|additional\s+)?(?:days?|wks?|weeks?|w|months?|mos?|visits?|sessions?|treatments?|tx)\b",
    r"|\b(?:by|at|prior\s+to|before|upon)\s+(?:the\s+)?(?:discharge|d/c|dc|end\s+of\s+(?:the\s+|this\s+)?(?:poc|plan\s+of\s+care|episode|certification|cert|care|treatment|reporting\s+period|period)|re-?eval(?:uation)?|recert(?:ification)?|next\s+(?:progress\s+(?:note|report)|re-?eval(?:uation)?|recert(?:ification)?|pn))\b",
    r"|\b(?:by|before|on)\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?",
    r"|\bby\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?\b",
    r"|\(\s*\d{1,3}\s*(?:-\s*\d{1,3}\s*)?(?:wks?|weeks?|visits?|days?|mos?|months?|sessions?)\s*\)",
    r"|\b\d{1,3}[- ](?:weeks?|wks?|days?|months?|mos?|visits?|sessions?)\b",
    r"|\bwithin\s+(?:the\s+|this\s+)?(?:episode|certification|cert\s+period|poc|plan\s+of\s+care)\b"
);

/// A measurable target inside a goal (once its timeframe is taken out).
pub(super) const MEASURABLE: &str = concat!(
    r"(?i)\d",
    r"|\b(?:independent(?:ly)?|indep|mod(?:ified)?\.?\s*(?:I|ind\w*)|SBA|CGA|stand[- ]by\s+assist\w*|contact[- ]guard|min(?:imal)?\.?\s*(?:A|assist\w*)|mod(?:erate)?\.?\s*(?:A|assist\w*)|max(?:imal)?\.?\s*(?:A|assist\w*)|supervision|supervised|set[- ]?up|without\s+(?:an?\s+)?(?:assistive\s+device|AD|assist\w*|LOB|loss\s+of\s+balance|cues?|rest|device)|no\s+(?:LOB|loss\s+of\s+balance|cues?|assist\w*|device|pain)|pain[- ]free|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred)\b"
);

/// Goal sentences outside a goals section ("Pt will … in 4 weeks").
pub(super) const GOAL_SENTENCE: &str = r"(?i)^\W{0,4}(?:(?:the\s+)?(?:pt|patient|client|resident|child|he|she|they|caregiver|family)\s+will\b|(?:in|within)\s+\d{1,3}\s*(?:wks?|weeks?|visits?)\s*,?\s*(?:pt|patient|client)\s+will\b)";

/// Sentences in a goals section that are not goals (agreement, the patient's own wish).
pub(super) const NOT_A_GOAL: &str = r"(?i)\b(?:agree[sd]?|agreement|discussed|reviewed|established\s+with|set\s+with|(?:pt|patient)'?s?\s+(?:own\s+)?goal|goals?\s+(?:are|were|was|is)\s+(?:set|established|discussed|reviewed|appropriate)|rehab\s+potential|prognosis|see\s+below|as\s+follows)\b|^\W*(?:goals?|stgs?|ltgs?)\W*$|^\W*(?:status|currently|met|not\s+(?:yet\s+)?met|partial+y\s+met|achieved|not\s+achieved|partially\s+achieved|ongoing|progressing|in\s+progress|discontinued|deferred)\b|^\W*(?:he|she|they|pt|patient)\s+(?:still|now|is|was|has|had|needs?|needed|continues|remains|requires|reports|reported|did|does|can|could|cannot)\b";

/// Words that say where "will" sentences are plans, not goals.
pub(super) const PLAN_NOT_GOAL: &str = r"(?i)\bwill\s+(?:be\s+seen|attend|continue|return|follow\s+up|receive|benefit|call|schedule|come|be\s+discharged|be\s+re-?evaluated|be\s+reassessed)\b|\b\d\s*x\s*/?\s*(?:wk|week)|\btimes\s+(?:a|per)\s+week\b";

/// A goal's status written beside it (not a goal by itself).
pub(super) const GOAL_STATUS_ONLY: &str = r"(?i)^[\s\W]*(?:status\s*:?\s*)?(?:goal\s+)?(?:met|not\s+met|partially\s+met|achieved|not\s+achieved|partially\s+achieved|unmet|ongoing|progressing|in\s+progress|discontinued|deferred|revised|continue|continued|new)?[\s\W]*$";

/// Progress toward goals with an objective comparison, or a goal's status.
pub(super) const PROGRESS: &str = concat!(
    r"(?i)\b(?:goals?|stgs?|ltgs?)\s*(?:#?\s*\d{1,2}[a-z]?\s*)?(?:\([^)\n]{0,20}\)\s*)?[:\-–]?\s*(?:(?:was|were|is|are|has\s+been|have\s+been|now)\s+)?(?:met|not\s+(?:yet\s+)?met|partial+y\s+met|achieved|not\s+(?:yet\s+)?achieved|partially\s+achieved|unmet|discontinued)\b",
    r"|(?:[-–—(:]|\bstatus\b)\s*:?\s*(?:met|not\s+(?:yet\s+)?met|partial+y\s+met|achieved|not\s+achieved|partially\s+achieved|unmet)\b",
    r"|\b(?:all\s+|\d\s+of\s+\d\s+|\d/\d\s+)?(?:goals?|stgs?|ltgs?)\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:met|achieved|not\s+met|partially\s+met)\b",
    r"|\bfrom\s+[^.;\n]{0,25}?\d[^.;\n]{0,40}?\bto\s+[^.;\n]{0,12}?\d",
    r"|\d\s*(?:°|deg|ft|feet|m|sec|s|%|/\d{1,2})?\s*(?:->|→|=>)\s*\d",
    r"|\(\s*(?:was|previously|prev\.?|initially|baseline|eval\w*|ie|soc|admission|at\s+(?:eval\w*|ie|initial\s+eval\w*|soc|admission|start\s+of\s+care|last\s+(?:pn|progress\s+(?:note|report)|re-?eval\w*|visit)))\b\s*:?\s*[^.;\n)]{0,20}?\d",
    r"|\b(?:previously|prev\.|initially|at\s+baseline|baseline\s+(?:was|of|:))\s*:?\s*[^.;\n)]{0,20}?\d",
    r"|\bwas\s+[^.;\n]{0,20}?\d[^.;\n]{0,25}?\b(?:at|on|during|in|before)\s+(?:the\s+)?(?:eval\w*|ie|initial|soc|start|baseline|last|previous|prior|admission|surgery|pre-?op)",
    r"|\d[^.;\n]{0,30}?\bat\s+(?:the\s+)?(?:eval\w*|ie|initial\s+eval\w*|soc|baseline|admission|last\s+(?:pn|progress|visit|report|re-?eval\w*|cert\w*))\b",
    r"|\d[^.;\n(]{0,20}?\s(?:pre-?op|before\s+surgery|prior\s+to\s+surgery)\b|\bbefore\s+(?:surgery|the\s+fall|treatment|therapy|the\s+episode)\b[^.;\n]{0,40}?\d",
    r"|\d[^.;\n]{0,30}?\b(?:since|vs\.?|versus|compared\s+(?:to|with)|than)\s+(?:the\s+|her\s+|his\s+)?(?:eval\w*|ie|initial\s+eval\w*|soc|start\s+of\s+care|baseline|last\s+(?:pn|progress\s+(?:note|report)|re-?eval\w*|visit|week|month|report|cert\w*)|prior\s+(?:pn|report|visit))\b",
    r"|\b(?:improved|increased|decreased|progressed|declined|reduced|gained|regressed)\s+(?:by\s+)?\d",
    r"|\b(?:down|up|improved|increased|decreased|reduced|improving)\s+from\s+\d",
    r"|\bno\s+(?:measurable\s+)?progress\b|\bnot\s+progressing\b|\bplateau(?:ed|ing)?\b|\bregressed\b|\bno\s+(?:measurable\s+)?(?:improvement|change|gains?)\s+(?:since|from|toward|towards|in|on)\b"
);

/// Why skilled care is needed: the deficit, the limitation, the risk.
pub(super) const NECESSITY: &str = concat!(
    r"(?i)\blimit(?:s|ed|ing|ation|ations)?\b|\bunable\s+to\b|\bdifficult(?:y|ies)\b|\b(?:fall|falls|falling|aspiration|re-?injury|skin\s+breakdown|contracture|readmission|decline)\s+risk\b",
    r"|\brisk\s+(?:of|for)\b|\bat\s+risk\b|\bimpair(?:s|ed|ment|ments)\b|\bdeficits?\b|\bdependent\s+(?:for|with|on|in)\b",
    r"|\brequir(?:es|ed|ing)\s+(?:\w+\s+){0,2}(?:assist\w*|supervision|cues|help)\b|\b(?:required|necessary|needed|needs)\s+(?:for|to)\s+(?:safe|safely|return|prevent|restore|improve|regain|resume)\b",
    r"|\baspiration\b|\bpenetration\b|\bunsafe\b|\bsafety\s+(?:concern|risk|awareness)\w*|\bcan'?t\b|\bcannot\b|\bcan\s+not\b|\bdificult\w*|\bdiffcult\w*",
    r"|\b(?:keeps?|kept)\s+(?:\w+\s+){0,2}from\b|\bneeds?\s+(?:\w+'?s?\s+){0,2}(?:help|assist\w*|supervision|hands-on)\b|\bmiss(?:ed|es|ing)?\s+(?:\d+\s+)?(?:work|school|class)\w*|\blos(?:es|ing|t)\s+(?:\w+\s+)?(?:balance|voice|footing)\b|\bavoids?\s+(?:\w+\s+){0,2}(?:because|due|stairs|talking|reading|walking|going|eating|driving|social)\b",
    r"|\b(?:poor|decreased|reduced|impaired|diminished|low|limited|abnormal|antalgic)\s+(?:\w+\s+){0,2}(?:balance|safety|endurance|strength|rom|range|mobility|coordination|tolerance|cognition|intelligibility|gait|transfers?|proprioception|sensation|posture|control|stability|awareness|memory|attention|comprehension|expression|swallow\w*|function\w*|activity)\b",
    r"|\bweakn?ess?\b|\bprevent(?:s|ing)?\s+(?:\w+\s+){0,2}from\b|\binterfer(?:es|ing)\s+with\b|\baffect(?:s|ing)\s+(?:\w+\s+){0,2}(?:ability|function\w*|safety|independence)\b",
    r"|\bto\s+safely\b|\bin\s+order\s+to\s+(?:return|resume)\b|\bbelow\s+(?:plof|prior\s+level)\b|\bfunctional\s+(?:decline|loss|deficits?|limitations?)\b|\bneeds?\s+skilled\b|\bskilled\s+(?:therapy|intervention|care|services?)\s+(?:is|are)\s+(?:needed|required|necessary)\b"
);

/// The therapist's skill: cueing, facilitation, progression, analysis, technique.
pub(super) const SKILLED: &str = concat!(
    r"(?i)\b(?:cue|cues|cued|cueing|cuing|vcs?|tcs?)\b|\bfacilitat\w*|\binhibit\w*",
    r"|\bprogress(?:ed|ion)\b|\badvanced\s+(?:\w+\s+){0,3}(?:to|from)\b|\b(?:graded|grading|downgraded|upgraded|modified|modification|modifications|adjusted|adapted|titrated)\b",
    r"|\bbased\s+on\s+(?:pt'?s?\s+|patient'?s?\s+|her\s+|his\s+|the\s+)?(?:response|performance|assessment|fatigue|pain|tolerance|form|quality|vitals)\b|\banaly[sz]\w*|\bassess(?:ed|ing|ment\s+of)\s+(?:\w+\s+){0,2}(?:gait|form|mechanics|posture|balance|performance|technique|swallow\w*|movement|alignment|kinematics)\b",
    r"|\breturn\s+demo\w*|\bteach[- ]?back\b|\b(?:verbalized|demonstrated)\s+(?:good\s+)?understanding\b|\bdemonstrated\s+(?:correct|proper|safe)\b",
    r"|\bcorrect(?:ed|ion|ing)?\s+(?:of\s+)?(?:\w+\s+){0,2}(?:form|technique|posture|alignment|mechanics|deviations?|pattern|compensations?|substitutions?|valgus|trunk|lean|sequencing)\b",
    r"|\b(?:grade|gr\.?)\s*(?:i{1,3}|iv|v|[1-5])(?:-(?:i{1,3}|iv|v|[1-5]))?\s+(?:\w+\s+){0,2}(?:mob\w*|manipulation|oscillation\w*)",
    r"|\b(?:clinician|therapist)\s+(?:\w+\s+)?(?:modell?ed|reduced|adjusted|provided|gave|faded|graded|demonstrated|guided|blocked|facilitated|cued|monitored|analy[sz]ed|changed|selected|trained|instructed|taught|increased|decreased|shaped)\b|\b(?:reduced|simplified|adapted|changed|updated)\s+(?:the\s+)?(?:home\s+program|hep|program|exercises)\b|\b(?:caregiver|family|wife|husband|spouse|parent)\s+(?:training|trained|educated|instructed)\b|\b(?:observed\s+and\s+practiced|practiced\s+(?:\w+\s+){0,2}technique)\b",
    r"|\b(?:pnf|muscle\s+energy|myofascial\s+release|mfr|iastm|instrument[- ]assisted|contract[- ]relax|hold[- ]relax|rhythmic\s+stabilization|mirror\s+therapy|constraint[- ]induced|cimt|task[- ]specific|dual[- ]task\w*|perturbation\w*|ndt|neurodevelopmental|mendelsohn|effortful\s+swallow|supraglottic|chin\s+tuck|shaker|vitalstim|cueing\s+hierarchy|semantic\s+feature\s+analysis|spaced\s+retrieval|errorless\s+learning|melodic\s+intonation|lsvt|minimal\s+pairs|hand[- ]over[- ]hand|manual\s+(?:facilitation|guarding|assist\w*)|(?:tactile|visual|verbal|auditory|proprioceptive|mirror|video)\s+(?:feedback|input)|corrected|correction\s+of|biofeedback|joint\s+protection|energy\s+conservation|compensatory\s+(?:strateg\w+|techniques?)|adaptive\s+equipment|weight[- ]shift\w*\s+training|postural\s+(?:control|training)|sensory\s+(?:integration|re-?education)|desensitization|scar\s+mobilization|(?:joint|tibiofemoral|glenohumeral|patellar|spinal|thoracic|lumbar|cervical|talocrural|radiocarpal|rib)\s+mobilizations?|mobilizations?\s+(?:to|at|of)\b|trigger\s+point|soft\s+tissue\s+mobilization|stm\s+to|dry\s+needling|manual\s+traction|kinesio\s*tap\w*|fabricat\w*|custom\s+(?:splint|orthosis))\b"
);

/// The patient's response to treatment.
pub(super) const RESPONSE: &str = concat!(
    r"(?i)\bpain\s+(?:\w+\s+){0,3}(?:decreased|reduced|increased|improved|unchanged|resolved|down|up|went|from|post|after|following|remained|same|eased|subsided)\b",
    r"|\b(?:decreased|reduced|increased|improved|unchanged|resolved|less|more|eased|relieved|no\s+increase\s+in|no\s+change\s+in)\s+(?:\w+\s+){0,2}(?:pain|symptoms|stiffness|tightness|spasm|guarding|edema|swelling|tone|dizziness)\b",
    r"|\d{1,2}\s*/\s*10\s+(?:after|post|following|at\s+(?:the\s+)?end|upon|by\s+end|at\s+completion)\b",
    r"|\b(?:pre|post)[- ]?(?:tx|treatment|session|exercise|ex|activity|intervention|mobilization|manual|gait)\b|\bafter\s+(?:the\s+)?(?:treatment|tx|session|intervention|exercises?|activity|activities|mobilization|manual\s+therapy|ther\s*ex|ambulation|gait\s+training|trials?|\d+\s*(?:min|reps|trials|ft|laps)|step-?ups|stairs|transfers)\b",
    r"|\b(?:hr|bp|spo2|o2\s+sat\w*|rpe|rr|pulse\s+ox\w*|heart\s+rate|blood\s+pressure|borg)\b\s*(?::|of|was|were|=|at|to)?\s*\d",
    r"|\bfatigu\w*|\bsob\b|\bshort(?:ness)?\s+of\s+breath\b|\bdyspnea\b|\b(?:seated\s+|standing\s+)?rest\s+breaks?\b|\brequired\s+(?:\d+\s+)?rest\b",
    r"|\b(?:did\s+not|didn'?t|unable\s+to|could\s+not|poorly)\s+tolerat\w*|\btolerat\w*\s+(?:\w+\s+){0,4}(?:with|without)\s+(?:increase\w*|pain|symptoms|complaints?|sob|dizziness|fatigue|change|rest|loss)\b|\btolerat\w*\s+(?:\w+\s+){0,3}(?:for\s+)?\d",
    r"|\b\d{1,3}\s*%\s*(?:accuracy|acc|of\s+(?:trials|opportunities|the\s+time)|correct)\b|\b(?:accuracy|performance|form|quality|gait\s+pattern|step\s+length|speed|cadence|endurance|intelligibility)\s+(?:\w+\s+){0,2}(?:improved|increased|decreased|declined|worsened|deteriorated)\b",
    r"|\b(?:reported|reports|stated|states|verbalized|noted|endorsed|described)\s+(?:\S+\s+){0,8}(?:after|following|post|at\s+end|by\s+end|at\s+the\s+end|afterwards?)\b",
    r"|\b(?:no\s+)?adverse\s+(?:reactions?|responses?|events?|effects?)\b|\b(?:no|denies|denied)\s+(?:increase\w*\s+(?:in\s+)?)?(?:pain|dizziness|nausea|sob|discomfort|symptoms)\s+(?:after|during|with|following|post|throughout)\b",
    r"|\b(?:felt|feels|feeling)\s+(?:\w+\s+){0,2}(?:tired|better|worse|looser|easier|stronger|steadier|good|great|pleased|sore|dizzy|relief|lightheaded)\b|\btired(?:ness)?\b|\b(?:at|by)\s+the\s+end\b|\bafterwards?\b",
    r"|(?:↓|↑|\b(?:decreased|increased|reduced|improved|dropped|rose))\s*(?:from\s+)?\d{1,2}\s*/\s*10\b|\bno\s+increase\s+in\b|\b(?:said|stated)\s+(?:it|that|he|she)\b",
    r"|\b(?:re-?measured?|re-?assessed|re-?tested|remeasure\w*)\b|\bresponded\s+(?:well\s+)?(?:to|with)\s+[^.\n]{0,30}\d|\bresponse\s+to\s+(?:tx|treatment|intervention)\s*:"
);

/// Plans for the next visit or the episode.
pub(super) const PLAN: &str = concat!(
    r"(?i)\bnext\s+(?:visit|session|tx|treatment|appt|appointment|week|time|date)\b",
    r"|\bwill\s+(?:progress|advance|increase|add|begin|initiate|trial|introduce|focus|address|work\s+on|reassess|re-?assess|re-?eval\w*|recheck|update|issue|instruct|train|transition|discharge|d/c|decrease|wean|upgrade|downgrade|educate|continue\s+to\s+(?:progress|advance|focus|address))\b",
    r"|\bplan\s+(?:is|to|for)\b|\b(?:poc|plan\s+of\s+care)\s+(?:updated|revised|modified)\b|\b(?:updated|revised|modified)\s+(?:poc|plan)\b",
    r"|\b\d\s*x\s*/?\s*(?:wk|week)\b|\b\d\s*x\s*(?:per|a)\s*(?:wk|week)\b|\b(?:one|two|three|four|five|once|twice|\d)\s*(?:times?|x)\s*(?:a|per|/)\s*(?:wk|week)\b|\bfor\s+(?:an?\s+)?(?:additional\s+)?\d+\s*(?:more\s+)?(?:weeks|wks|visits|sessions|months)\b",
    r"|\b(?:discharge[ds]?|d/c'?d?|dc'?d)\s+(?:to|home|from|with|planned|plan|next|after|in\s+\d|when|once|on|at)\b|\bdischarge\s+(?:pt|patient)\b",
    r"|\b(?:continue|cont\.?|independent|indep|compliant|issued|provided|updated|given|progressed|reviewed)\s+(?:with\s+|on\s+|written\s+|new\s+)?(?:the\s+|a\s+|her\s+|his\s+)?(?:hep|home\s+(?:exercise\s+)?program)\b|\b(?:hep|home\s+(?:exercise\s+)?program)\s+(?:issued|provided|updated|given|progressed|reviewed|to\s+include|with)\b",
    r"|\brecommend\w*|\b(?:refer|referral)\s+(?:to|for|back)\b|\bwill\s+(?:be\s+)?refer\w*|\bfollow[- ]up\b|\bf/u\b|\breturn\s+(?:to\s+clinic|in\s+\d|for)\b",
    r"|\b(?:re-?eval(?:uation)?|re-?assess(?:ment)?|progress\s+(?:note|report)|recert\w*)\s+(?:in\s+\d|due|scheduled|at\s+visit|next|on\s+\d)|\b(?:progress|advance|increase|begin|initiate|add|trial)\s+(?:\w+\s+){0,4}(?:to|next)\b"
);

/// Red-flag phrases. One group per kind; `no_progress` etc. decide the rewrite offered.
pub(super) const RED_FLAG: &str = concat!(
    r"(?i)(?P<tolerated>\b(?:tolerated|tol'?d?\.?)\s+(?:(?:the\s+|all\s+|today'?s\s+)?(?:treatment|tx|session|therapy|exercises?|ex|activities|activity|it|all|interventions?|ther\s*ex|rx|program|visit)\s+)?well\b)",
    r"|(?P<continue>\b(?:continue|cont\.?|con't)\s+(?:with\s+|per\s+|w/\s*|on\s+|as\s+per\s+)?(?:the\s+|current\s+|established\s+)*(?:plan\s+of\s+care|poc|plan|tx\s+plan|treatment\s+plan)\b)",
    r"|(?P<doing_well>\b(?:patient|pt|client|he|she|they)\s+(?:is\s+|are\s+)?doing\s+(?:well|good|great|fine)\b)",
    r"|(?P<progressing>\b(?:patient|pt|client|he|she|they)\s+(?:are\s+)?(?:is\s+|continues\s+to\s+be\s+|continues\s+)?progressing(?:\s+(?:as\s+expected|well|slowly|nicely|appropriately|toward(?:s)?\s+(?:all\s+)?(?:stgs?|ltgs?|goals?)))?\b)",
    r"|(?P<no_change>\bno\s+significant\s+changes?\b)",
    r"|(?P<no_complaints>\bno\s+new\s+(?:complaints|c/o|issues)\b)",
    r"|(?P<flowsheet>\b(?:see|per|on|as\s+per)\s+(?:the\s+)?flow\s*-?\s*sheet\b)",
    r"|(?P<maintenance>\bmaintenance\b|\bmaintain\s+(?:current|present|existing)?\s*(?:level|status|function\w*|abilities|strength)\b)",
    r"|(?P<as_tolerated>\bas\s+tolerated\b)",
    r"|(?P<conditioning>\bgeneral\s+(?:conditioning|fitness|strengthening|exercise)\b)"
);

/// After a red-flag phrase, what makes it specific.
pub(super) const SPECIFICS: &str = r"(?i)\d+(?:\.\d+)?\s*(?:%|/\s*10\b|db\b|deg\b|degrees|°|ft\b|feet\b|sec\b|seconds|s\b|bpm\b|mmhg\b|m/s)|→|->|\b(?:hr|bp|spo2|o2\s+sat\w*|rpe|vitals|pain|cues?|cueing|because|due\s+to|secondary\s+to|given|as\s+evidenced|evidenced\s+by|to\s+prevent|to\s+address|fatigue|sob|dizziness|progress(?:ed|ing)?\s+to|advance\w*\s+to|increase\w*\s+(?:to|resistance|weight|reps)|add(?:ing)?|next\s+(?:visit|session)|begin|initiate|without\s+(?:increase|loss|lob|rest|pain|sob|symptoms|dizziness)|with\s+(?:increase|no\s+increase|rest|cues?)|skilled|measured|accuracy|up\s+to|as\s+long\s+as|until|keeping|provided)\b";

/// Negation before a word in the same clause.
pub(super) const NEGATION: &str = r"(?i)(?:\b(?:no|not|denies|denied|deny|without|w/o|negative\s+for|never|nor|none|absent|free\s+of)\b|n't\b|\bwithin\s+(?:normal|functional)\s*$)[^,;:.]*$";

/// Credentials after a name on a signature line. Group `creds`.
pub(super) const SIGNATURE: &str = concat!(
    r"(?m)^[ \t]*(?:[-–—_/~*]+[ \t]*)?(?:[^:\n]{0,40}:[ \t]*)?(?:/s/[ \t]*)?(?:(?i:electronically[ \t]+signed|e-?signed|co-?signed|signed|reviewed[ \t]+and[ \t]+signed|authenticated)(?:[ \t]+by)?[ \t]*:?[ \t]*)?",
    r"(?P<name>[A-Z][^\s,:;0-9]*(?:[ \t]+[A-Z][^\s,:;0-9]*){0,3})[ \t]*,?[ \t]*",
    r"(?P<creds>(?:CCC-SLP|CF-SLP|SLP-?A|SLP|OTR/L|OTR|OT/L|OTD|OT-?L|COTA/L|COTA|OTA|OTS|OT|DPT|MPT|MSPT|SPTA|SPT|LPTA|PTA|PT|MS|MA|MOT|PhD|ATC|CSCS|OCS|NCS|GCS|SCS|CHT|CLT|BCB-PMD|FAAOMPT|CBIS|MEd|BS)",
    r"(?:[ \t]*[,/][ \t]*(?:CCC-SLP|CF-SLP|SLP-?A|SLP|OTR/L|OTR|OT/L|OTD|OT-?L|COTA/L|COTA|OTA|OTS|OT|DPT|MPT|MSPT|SPTA|SPT|LPTA|PTA|PT|MS|MA|MOT|PhD|ATC|CSCS|OCS|NCS|GCS|SCS|CHT|CLT|BCB-PMD|FAAOMPT|CBIS|MEd|BS)|[ \t]+(?:CCC-SLP|DPT|OTR/L|COTA/L|PTA|PT|OTR|SLP|MPT|OCS|ATC|CHT))*)",
    r"(?-u:\b)(?:[ \t]*(?:[,;|(]|on\b|at\b|dated?\b|date:|\d)[^\n]{0,60})?[ \t]*$"
);

/// Credential tokens (in a signature's credentials or `provider.credentials`).
pub(super) const CREDENTIAL: &str = r"\b(?:CCC-SLP|CF-SLP|SLP-?A|SLP|OTR/L|OTR|OT/L|OTD|OT-?L|COTA/L|COTA|OTA|OTS|OT|DPT|MPT|MSPT|SPTA|SPT|LPTA|PTA|PT)\b";

/// Standardized outcome measures (names; the score is looked for beside them).
pub(super) const OUTCOME: &str = concat!(
    r"\b(?:LEFS|ODI|NDI|Q-?DASH|DASH|BBS|TUG|6\s?MWT|2\s?MWT|10\s?MWT|FOTO|COPM|FIM|PSFS|ABC|POMA|DGI|FGA|5\s?x\s?STS|5XSTS|FTSTS|30\s?s(?:ec)?\s?CST|KOOS|HOOS|SPADI|AM-PAC|FOIS|MBSImP|PHQ-?\d{0,2}|FACS|NOMS|SLUMS|MoCA|WAB(?:-R)?|BNT|CELF(?:-\d)?|GFTA(?:-\d)?|MMSE|WOMAC|PEDI|BOT-?2|PDMS-?2|EAT-10|GUSS|ACE-III|FRT|MCTSIB|CTSIB|SPPB|GG\d{4}[A-Z]?|CAPE-V|VHI(?:-10)?|SSI-?4|SSI|KiddyCAT|DHI|HOOS\s?JR|KOOS\s?JR|ARAT|RBANS|MDADI|PAS|DOSS|CLQT|BDAE|PLS-?5|UEFI|FAAM|FMA|FIM|OCAIS|PROMIS(?:-\d+)?|MBSS|DASH|QDASH|TMT|FES-I|MFIS|SIS|VAS-?F|CPT-?3|TOMS|BBT|NHPT|9HPT)\b",
    r"|(?i:\b(?:oswestry|quick\s*dash|berg(?:\s+balance(?:\s+scale)?)?|timed\s+up\s+and\s+go|(?:6|six|2|two|10|ten)[- ]?(?:min(?:ute)?|m(?:eter)?)\s+walk(?:\s+test)?|gait\s+speed|tinetti|dynamic\s+gait\s+index|functional\s+gait\s+assessment|(?:5|five)\s+times\s+sit[- ]to[- ]stand|30[- ]?s(?:ec(?:ond)?)?\s+chair\s+(?:stand|rise)|section\s+gg|barthel|lower\s+extremity\s+functional\s+scale|neck\s+disability\s+index|patient[- ]specific\s+functional\s+scale|activities[- ]specific\s+balance\s+confidence|mini-?bestest|bestest|functional\s+reach|canadian\s+occupational\s+performance|boston\s+naming|western\s+aphasia|montreal\s+cognitive|saint\s+louis\s+university|functional\s+oral\s+intake|goldman[- ]fristoe|penetration[- ]aspiration\s+scale|katz|lawton|jebsen|nine[- ]hole\s+peg|9[- ]hole\s+peg|box\s+and\s+blocks?|stuttering\s+severity\s+instrument|voice\s+handicap\s+index|dizziness\s+handicap\s+inventory|action\s+research\s+arm|fugl[- ]meyer|roland[- ]morris|functional\s+independence\s+measure|mini[- ]mental|cognitive\s+linguistic\s+quick\s+test|dysphagia\s+outcome\s+and\s+severity|modified\s+barium\s+swallow\s+impairment|functional\s+communication\s+measure|(?:ten|10)[- ]?(?:meter|m)\s+walk|four\s+square\s+step|4\s+square\s+step)\b)"
);

/// Words after a measure's name that mean it was not given.
pub(super) const NOT_GIVEN: &str = r"(?i)\b(?:not\s+(?:administered|performed|tested|assessed|re-?assessed|re-?tested|re-?administered|completed|done|given|scored|obtained|measured)|declined|refused|deferred|unable\s+to\s+(?:complete|perform|test)|n/a|to\s+be\s+(?:administered|completed|scored)|will\s+(?:administer|complete|perform)|next\s+(?:visit|session))\b";

/// Objective measurements: ROM degrees, MMT grades, distances, assist levels, pain ratings.
pub(super) const MEASUREMENT: &str = concat!(
    r"(?i)\d{1,3}\s*(?:°|deg(?:rees?)?\b)|\b[0-5][+-]?\s*/\s*5\b|\b\d{1,4}\s*(?:ft|feet|'|m|meters?|yds?|yards?|blocks?|steps?|stairs|laps?)\b",
    r"|\b(?:mod(?:ified)?\.?\s*(?:I|ind\w*)|SBA|CGA|min(?:imal)?\.?\s*(?:A|assist\w*)|mod(?:erate)?\.?\s*(?:A|assist\w*)|max(?:imal)?\.?\s*(?:A|assist\w*)|independent(?:ly)?|supervision|dependent)\b|\b\d{1,2}\s*/\s*10\b|\b\d{1,3}\s*%"
);

/// Dates: 3/10/2025, 3/10/25, 3/10, 2025-03-10.
pub(super) const DATE: &str =
    r"\b(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2})\b";

/// Interventions and codes with minutes or units written beside them. Groups: `n1`+`m1`
/// (name then minutes), `m2`+`n2` (minutes then name), `n3`+`u3` (name then units),
/// `c4`+`u4` (code then units), `c5`+`m5` (code then minutes).
pub(super) const INTERVENTION_NAMES: &str = concat!(
    r"(?i:therapeutic\s+exercises?|ther\.?\s*-?\s*ex(?:ercises?)?|therex|neuromuscular\s+re-?\s*ed(?:ucation)?|neuro\s*-?\s*re-?\s*ed(?:ucation)?|gait\s+training|gait\s+trng|gait",
    r"|manual\s+therapy|manual\s+tx|manual|soft\s+tissue\s+mob(?:ilization)?s?|joint\s+mob(?:ilization)?s?|mobs|mobilizations?",
    r"|therapeutic\s+activit(?:y|ies)|ther\.?\s*-?\s*act(?:ivit(?:y|ies))?s?|theract|self[- ]care(?:/home\s+management)?(?:\s+training)?|adl\s+(?:re-?)?training|adls?",
    r"|ultrasound|e-?\s*stim(?:ulation)?|electrical\s+stim(?:ulation)?|iontophoresis|ionto|aquatic\s+therapy|aquatics?|massage",
    r"|cognitive\s+(?:function\s+)?(?:intervention|tx|treatment|training|therapy)|speech(?:\s+(?:and|/)\s+language)?\s+(?:therapy|tx|treatment)|language\s+(?:therapy|tx|treatment)",
    r"|dysphagia\s+(?:therapy|tx|treatment)|swallow(?:ing)?\s+(?:therapy|tx|treatment)|orthotic\s+(?:training|management|fitting)|wheelchair\s+(?:management|training)",
    r"|hot\s+packs?|cold\s+packs?|ice\s+packs?|group\s+therapy|physical\s+performance\s+test(?:ing)?)",
    r"|US|STM|NMRE?|NMES|IFC|TENS|MHP|TE"
);

pub(super) fn intervention_pattern() -> String {
    let n = INTERVENTION_NAMES;
    // `25'` is minutes only before a closing parenthesis or punctuation ("TE 25':",
    // "(15')"); "amb 150' x2" is feet.
    let min = r"(?:(?i:min(?:ute)?s?|mins?)(?-u:\b)|'[ \t]*[):;,—–\-])";
    let code = r"(?:9[0-9]{4}|G0[0-9]{3})";
    format!(
        concat!(
            r"\b(?P<n1>{n})\b[ \t]*(?:\([ \t]*)?(?:[:=x×\-–—][ \t]*)?(?:for[ \t]+)?(?P<m1>\d{{1,3}})[ \t]*{min}",
            r"|\b(?P<m2>\d{{1,3}})[ \t]*{min}[ \t]*(?i:of[ \t]+)?(?P<n2>{n})\b",
            r"|\b(?P<n3>{n})\b[ \t]*(?:[x×:\-(][ \t]*)?(?P<u3>\d{{1,2}})[ \t]*(?i:units?)\b",
            r"|\b(?P<c4>{code})\b[ \t)]*(?:[x×*][ \t]*(?P<u4a>\d{{1,2}})(?-u:\b)|[:\-–—(][ \t]*(?P<u4b>\d{{1,2}})[ \t]*(?i:units?)\b|(?P<u4c>\d{{1,2}})[ \t]*(?i:units?)\b)",
            r"|\b(?P<c5>{code})\b[ \t)]*[:\-–—(]?[ \t]*(?P<m5>\d{{1,3}})[ \t]*{min}"
        ),
        n = n,
        min = min,
        code = code
    )
}

/// Totals written in the text. Group `timed` marks total timed minutes; `n` the number.
pub(super) const TOTALS: &str = concat!(
    r"(?i)\b(?:total[ \t]+(?:(?P<timed>timed)(?:[ \t]+(?:code|treatment|tx|therapy))?(?:[ \t]+(?:minutes|mins?|time))?",
    r"|(?:treatment|tx|therapy|session|visit)[ \t]+(?:time|minutes|mins?)|time|minutes|mins?)",
    r"|(?P<timed2>timed)[ \t]+(?:code[ \t]+)?(?:minutes|mins?|treatment\s+minutes))",
    r"[ \t]*(?:[:=\-–]|was|of|is|=)?[ \t]*(?P<n>\d{1,4})\b"
);

/// In the Subjective section, what makes a report a response to the last treatment.
pub(super) const SINCE_LAST: &str = r"(?i)\b(?:after|post|following|since)\s+(?:the\s+)?(?:last|previous|prior)?\s*(?:visit|session|tx|treatment|therapy|appointment)\b";

/// A plan-section sentence that says only "continue".
pub(super) const BARE_CONTINUE: &str = r"(?i)^\W*(?:cont\.?|continue|con't)(?:\s+(?:tx|treatment|therapy|same|as\s+above|current\s+(?:tx|treatment|program)))?\W*$";

/// How a goal item begins when it is not the first line under its heading: a bullet or
/// number, "Pt will", or a goal's verb.
pub(super) const GOAL_LIKE: &str = r"(?i)^(?:[-*•·>]|\[[ x✓✔]?\]|\(?\d{1,2}[.):]|#\d|(?:stg|ltg|goal)s?\b|(?:improve|increase|decrease|reduce|ascend|descend|ambulate|amb|walk|transfer|demonstrate|perform|don|doff|complete|tolerate|achieve|return|name|use|produce|swallow|consume|follow|recall|stand|sit|lift|reach|climb|negotiate|be|independent|indep|restore|normalize|attain|able|negotiate|initiate|state|verbalize|identify|maintain|manage|prepare|dress|bathe|toilet|feed|groom|write|type|speak|answer|read|drink|eat|self)\b)|\bwill\b";
