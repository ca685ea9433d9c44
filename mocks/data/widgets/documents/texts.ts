/**
 * Synthetic document bodies for Mrs Margaret Ellwood (rich record). The discharge summary deliberately
 * carries a script, event handlers, inline styles, a form and remote resources: the widget must remove
 * every one of them.
 */

export const HOSTILE_MARKERS = {
  scriptGlobal: '__careRecordDocumentScriptRan',
  trackerUrl: 'https://tracker.example/pixel.gif',
  remoteStylesheet: 'https://cdn.example/letter.css',
} as const;

export const DISCHARGE_SUMMARY_HTML = `<!doctype html>
<html><head><title>Discharge summary</title>
<link rel="stylesheet" href="${HOSTILE_MARKERS.remoteStylesheet}">
<style>body { font-family: Comic Sans MS; } .hide { display: none }</style>
<script>window.${HOSTILE_MARKERS.scriptGlobal} = true;</script>
</head><body>
<h1>Discharge summary</h1>
<p style="color:red" class="hide">Riverside University Hospitals NHS Trust · Cardiology (Ward 7B)</p>
<h2>Admission</h2>
<table>
<tr><th scope="row">Admitted</th><td>Via Capital Ambulance Service with central chest pain and palpitations</td></tr>
<tr><th scope="row">Discharged</th><td>Home, with package of care restarted</td></tr>
</table>
<h2>Diagnoses</h2>
<ul>
<li>New atrial fibrillation (CHA2DS2-VASc 5, ORBIT 2)</li>
<li>Acute coronary syndrome excluded (high-sensitivity troponin not raised on serial testing)</li>
<li>Background: type 2 diabetes, hypertension, COPD, mild Alzheimer's dementia</li>
</ul>
<h2>Medication changes</h2>
<ul>
<li>STARTED apixaban 5 mg twice a day (anticoagulation for atrial fibrillation)</li>
<li>STARTED bisoprolol 2.5 mg once a day (rate control)</li>
<li>STOPPED enoxaparin (bridging only)</li>
</ul>
<img src="${HOSTILE_MARKERS.trackerUrl}" alt="Trust logo">
<img src="x" onerror="window.${HOSTILE_MARKERS.scriptGlobal} = true" alt="">
<h2>Actions for the GP</h2>
<ol>
<li>Check renal function and full blood count in 2 weeks (apixaban dosing).</li>
<li>Review heart rate and blood pressure in 4 weeks.</li>
</ol>
<p onclick="window.${HOSTILE_MARKERS.scriptGlobal} = true">Information given to the patient and her daughter:
<a href="https://www.nhs.uk/conditions/atrial-fibrillation/">NHS website: atrial fibrillation</a>.
<a href="javascript:window.${HOSTILE_MARKERS.scriptGlobal}=true">Click to confirm receipt</a></p>
<form action="https://collect.example/receipt" method="post"><input name="confirm" value="yes"><button>Send</button></form>
<iframe src="https://ads.example/frame"></iframe>
<p>Dr Aisha Rahman, Consultant Cardiologist</p>
</body></html>`;

export const DISCHARGE_SUMMARY_DRAFT_HTML = `<h1>Discharge summary (draft)</h1>
<p>Riverside University Hospitals NHS Trust · Cardiology (Ward 7B)</p>
<p>Diagnosis: new atrial fibrillation. Medication changes to be confirmed by the consultant before discharge.</p>`;

export const CLINIC_LETTER_TEXT = `St Anselm's Hospital NHS Foundation Trust
Respiratory Outpatients

Dear Dr MacLeod,

Re: Mrs Margaret Ellwood

Diagnosis: chronic obstructive pulmonary disease (COPD), recent infective exacerbation.

Thank you for asking me to see Mrs Ellwood after her exacerbation. She completed a 5-day course of
prednisolone 30 mg and is now back to her usual exercise tolerance (about 100 metres on the flat).
Her inhaler technique was checked today and is good. Spirometry: FEV1 1.1 L (58% predicted).

Plan:
1. Continue current inhalers.
2. Referral to pulmonary rehabilitation has been made.
3. Rescue pack of prednisolone and amoxicillin given, with a written self-management plan.

Amended: the FEV1 percentage was corrected from 85% to 58% after the original letter was sent.

Yours sincerely,

Dr Tomasz Nowak
Specialty Registrar, Respiratory Medicine`;

export const AMBULANCE_REPORT_TEXT = `Capital Ambulance Service NHS Trust — Patient Care Record (summary)

Call category: 2. Reason for call: chest pain.
On arrival: 80-year-old woman, alert, central chest tightness for 40 minutes, palpitations.
Observations: HR 138 irregular, BP 148/92, RR 20, SpO2 95% on air, temperature 36.8 C. NEWS2: 4.
12-lead ECG: atrial fibrillation with fast ventricular response, no ST elevation.
Treatment: aspirin 300 mg dispersible, GTN 400 micrograms sublingual x2 with partial relief.
Outcome: conveyed to Riverside University Hospitals emergency department. Handover to the nurse in charge.`;

export const SOCIAL_CARE_ASSESSMENT_HTML = `<h1>Care and support needs assessment (Care Act 2014)</h1>
<p>London Borough of Riverside Adult Social Care</p>
<h2>Summary of needs</h2>
<ul>
<li>Needs prompting with medication (dosette box); daughter collects prescriptions.</li>
<li>Needs help with washing and dressing each morning.</li>
<li>Lives alone; daughter visits daily; key safe installed.</li>
</ul>
<h2>Eligible needs and support plan</h2>
<table>
<tr><th scope="col">Support</th><th scope="col">Frequency</th></tr>
<tr><td>Home care visit (personal care, medication prompt)</td><td>Twice daily, 7 days a week</td></tr>
<tr><td>Telecare pendant alarm</td><td>In place</td></tr>
</table>
<p>Review due in 12 months, or sooner if needs change.</p>`;

export const MENTAL_HEALTH_LETTER_TEXT = `North East London Mental Health Trust
Older Adults' Community Mental Health Team

Dear Dr MacLeod,

Re: Mrs Margaret Ellwood — memory and mood review

Mrs Ellwood was seen at home with her daughter. Her mood has improved since mirtazapine was changed
to sertraline 50 mg once a day; she is sleeping better and has resumed attending the lunch club.
Her memory is stable (MoCA 21/30, unchanged from six months ago).

Plan: continue sertraline 50 mg once a day and donepezil 10 mg at night. We will review her in
three months. Please contact the team on 020 7946 0000 if her mood worsens.

Yours sincerely,

Dr Helen Okafor
Consultant Psychiatrist for Older Adults`;

export const COMMUNITY_NURSING_HTML = `<h1>District nursing: visit summary</h1>
<p>Riverside Community Health Services — Riverside East district nursing team</p>
<p>Visited at home after hospital discharge to check the apixaban supply and pressure areas.</p>
<ul>
<li>Skin intact; pressure areas checked; no concerns.</li>
<li>Constipation improving with macrogol; continue one sachet daily.</li>
<li>Next visit: in 1 week.</li>
</ul>`;

export const COMMUNITY_NURSING_OLD_HTML = `<h1>District nursing: visit summary (earlier version)</h1>
<p>Visit planned after discharge; details to follow.</p>`;

export const CHEST_XRAY_LINES = [
  'Riverside University Hospitals NHS Trust - Radiology',
  'Examination: XR Chest (PA)',
  'Clinical details: chest pain, new atrial fibrillation.',
  '',
  'Findings: heart size at the upper limit of normal. Lungs are hyperinflated in keeping with COPD.',
  'No focal consolidation, pleural effusion or pneumothorax.',
  '',
  'Conclusion: no acute abnormality. Changes of COPD.',
  'Reported by Dr Samuel Achterberg, Consultant Radiologist.',
];

export const CT_HEAD_LINES = [
  "St Anselm's Hospital NHS Foundation Trust - Radiology",
  'Examination: CT Head without contrast',
  'Clinical details: fall at home, head injury, on no anticoagulant at the time.',
  '',
  'Findings: no intracranial haemorrhage. Generalised involutional change.',
  'Small vessel ischaemic change in the periventricular white matter.',
  '',
  'Conclusion: no acute intracranial abnormality.',
];

export const LASTING_POWER_OF_ATTORNEY_TITLE = 'Lasting power of attorney (health and welfare): scanned copy';

export const OUT_OF_HOURS_SECTIONS = [
  {
    title: 'Reason for contact',
    div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Daughter called NHS 111: burning when passing urine for 2 days, more confused than usual.</p></div>',
  },
  {
    title: 'Assessment',
    div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Seen at the out-of-hours base. Temperature 37.9 C, HR 96, BP 132/78. Urine dipstick: leucocytes and nitrites positive.</p><p style="font-size:30px" onmouseover="alert(1)">No signs of sepsis (NEWS2 2).</p></div>',
  },
  {
    title: 'Outcome',
    div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Lower urinary tract infection. Nitrofurantoin 100 mg modified-release twice a day for 3 days. Safety-netting advice given; GP to be informed.</p></div>',
  },
];
