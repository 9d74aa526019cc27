//! The public documents the rules cite, once each: their names as users look them up and
//! where they are published. A rule's metadata cites them with a section
//! (`BENEFIT_POLICY_CH15.at("§220.3 E")`); findings and the rule docs name public documents
//! only.

use crate::diagnostics::Document;

/// Medicare's therapy coverage and documentation rules.
pub const BENEFIT_POLICY_CH15: Document = Document {
    name: "CMS Pub. 100-02, Medicare Benefit Policy Manual, ch. 15",
    url: Some(
        "https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/bp102c15.pdf",
    ),
};

/// Medicare's therapy billing rules (timed-code units, modifiers, KX).
pub const CLAIMS_PROCESSING_CH5: Document = Document {
    name: "CMS Pub. 100-04, Medicare Claims Processing Manual, ch. 5",
    url: Some(
        "https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/clm104c05.pdf",
    ),
};

/// The CMS-1500 claim form's items (diagnosis pointers).
pub const CLAIMS_PROCESSING_CH26: Document = Document {
    name: "CMS Pub. 100-04, Medicare Claims Processing Manual, ch. 26",
    url: Some(
        "https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/clm104c26.pdf",
    ),
};

/// The CPT code set and its descriptors.
pub const CPT: Document = Document {
    name: "AMA CPT code set (code descriptors and guidelines)",
    url: Some("https://www.ama-assn.org/practice-management/cpt"),
};

/// HCPCS Level II codes and modifiers.
pub const HCPCS: Document = Document {
    name: "CMS HCPCS Level II code set",
    url: Some("https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system"),
};

/// How ICD-10-CM codes are written and chosen.
pub const ICD10_GUIDELINES: Document = Document {
    name: "ICD-10-CM Official Guidelines for Coding and Reporting",
    url: Some("https://www.cms.gov/medicare/coding-billing/icd-10-codes"),
};

/// The yearly ICD-10-CM code files and their addenda (new and deleted codes).
pub const ICD10_ADDENDA: Document = Document {
    name: "CMS/NCHS ICD-10-CM code files and annual addenda",
    url: Some("https://www.cms.gov/medicare/coding-billing/icd-10-codes"),
};

/// The HIPAA rule naming ICD-10-CM the diagnosis code set.
pub const HIPAA_CODE_SETS: Document = Document {
    name: "45 CFR §162.1002 (HIPAA medical data code sets)",
    url: Some("https://www.ecfr.gov/current/title-45/section-162.1002"),
};

/// The NCCI policy manual.
pub const NCCI_POLICY_MANUAL: Document = Document {
    name: "CMS National Correct Coding Initiative Policy Manual for Medicare Services",
    url: Some("https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-policy-manual"),
};

/// The NCCI procedure-to-procedure edit files.
pub const NCCI_PTP_EDITS: Document = Document {
    name: "CMS Medicare NCCI procedure-to-procedure (PTP) edits, practitioner file",
    url: Some("https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-procedure-procedure-ptp-edits"),
};

/// The statute of the CQ/CO payment differential.
pub const SSA_1834: Document = Document {
    name: "Social Security Act §1834",
    url: Some("https://www.ssa.gov/OP_Home/ssact/title18/1834.htm"),
};

/// The statute of the therapy KX and review thresholds.
pub const USC_1395L: Document = Document {
    name: "42 U.S.C. §1395l",
    url: Some("https://www.law.cornell.edu/uscode/text/42/1395l"),
};

/// The yearly physician fee schedule rules in the Federal Register.
pub const PFS_FINAL_RULES: Document = Document {
    name: "CMS Medicare Physician Fee Schedule final rules (Federal Register)",
    url: Some(
        "https://www.cms.gov/medicare/payment/fee-schedules/physician/federal-regulation-notices",
    ),
};

/// CMS's worked CQ/CO examples.
pub const CMS_CQ_CO_EXAMPLES: Document = Document {
    name: "CMS, Billing Examples Using CQ/CO Modifiers for Services Furnished in Whole or in Part by PTAs and OTAs",
    url: Some("https://www.cms.gov/medicare/coding-billing/therapy-services/billing-examples-using-cq/co-modifiers-services-furnished-whole-or-part-ptas-and-otas"),
};

/// CMS's therapy services page (the year's KX thresholds).
pub const CMS_THERAPY_SERVICES: Document = Document {
    name: "CMS, Therapy Services (annual KX modifier thresholds)",
    url: Some("https://www.cms.gov/medicare/coding-billing/therapy-services"),
};

/// The "always therapy" modifier edits.
pub const CMS_CR10176: Document = Document {
    name: "CMS Transmittal 3814, Change Request 10176 (therapy modifier editing)",
    url: None,
};

/// A Medicare contractor's guidance on counting therapy units.
pub const FCSO_THERAPY_UNITS: Document = Document {
    name: "First Coast Service Options (Medicare contractor), counting therapy units",
    url: Some("https://medicare.fcso.com/Rehabilitation_services/0508065.asp"),
};

/// A Medicare contractor's KX threshold article.
pub const NGS_KX: Document = Document {
    name: "National Government Services (Medicare contractor), therapy KX modifier thresholds",
    url: Some("https://ngsmedicare.com/web/ngs/news-article-details?selectedArticleId=10703808"),
};

/// A Medicare contractor's KX threshold table.
pub const NORIDIAN_KX: Document = Document {
    name: "Noridian (Medicare contractor), per-beneficiary KX modifier thresholds",
    url: Some("https://med.noridianmedicare.com/web/jea/provider-types/outpatient-therapy/per-beneficiary_kx_modifier_thresholds"),
};

/// APTA's documentation risk guidance.
pub const APTA_DOCUMENTATION: Document = Document {
    name: "APTA Integrity in Practice, documentation risk areas",
    url: Some("http://integrity.apta.org/ReducingRisk/UnderstandingRisk/RiskAreas/Documentation/"),
};

/// AOTA's documentation guidance.
pub const AOTA_DOCUMENTATION: Document = Document {
    name: "AOTA, Maximizing Your Clinical Documentation (OT Practice)",
    url: Some("https://www.aota.org/publications/ot-practice/ot-practice-issues/2025/maximizing-your-clinical-documentation"),
};

/// ASHA's guidance on timed and untimed codes.
pub const ASHA_TIMED_CODES: Document = Document {
    name: "ASHA, timed and untimed CPT codes: frequently asked questions",
    url: Some("http://www.asha.org/practice/reimbursement/coding/TimedCodesFAQs.htm"),
};

/// The payer's own authorization of the episode.
pub const PAYER_AUTHORIZATION: Document = Document {
    name: "The payer's authorization of the episode and the payer rule pack",
    url: None,
};

/// The conditions for outpatient therapy: a written plan of treatment, established before
/// treatment, and its changes.
pub const CFR_410_61: Document = Document {
    name: "42 CFR §410.61 (plan of treatment requirements for outpatient rehabilitation services)",
    url: Some("https://www.ecfr.gov/current/title-42/section-410.61"),
};

/// A Medicare contractor's notice that cloned documentation can lead to denials.
pub const NGS_CLONED_DOCUMENTATION: Document = Document {
    name: "NGS Medicare, \"Cloned Documentation Could Result in Medicare Denials for Payment\"",
    url: Some("https://www.ngsmedicare.com/web/ngs/documentation?selectedArticleId=1459133"),
};

/// The HHS Office of Inspector General on copied text in electronic health records.
pub const OIG_EHR_VULNERABILITIES: Document = Document {
    name: "HHS OIG, \"CMS and Its Contractors Have Adopted Few Program Integrity Practices To Address Vulnerabilities in EHRs\" (OEI-01-11-00571)",
    url: Some("https://oig.hhs.gov/oei/reports/oei-01-11-00571.pdf"),
};
