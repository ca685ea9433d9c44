/**
 * The reference search parameters FHIR R4 defines for the types the elements search and include,
 * for the `strict-includes` scenario: a server (HAPI, for one) that answers 400 to an `_include` or
 * `_revinclude` naming a parameter it does not know. From the R4 search parameter registry.
 */
const R4_REFERENCE_PARAMS: Record<string, readonly string[]> = {
  AllergyIntolerance: ['asserter', 'patient', 'recorder'],
  Appointment: ['actor', 'based-on', 'location', 'patient', 'practitioner', 'reason-reference', 'slot', 'supporting-info'],
  CarePlan: ['activity-reference', 'based-on', 'care-team', 'condition', 'encounter', 'goal', 'part-of', 'patient', 'performer', 'replaces', 'subject'],
  CareTeam: ['encounter', 'participant', 'patient', 'subject'],
  Composition: ['attester', 'author', 'encounter', 'entry', 'patient', 'related-ref', 'subject'],
  Condition: ['asserter', 'encounter', 'evidence-detail', 'patient', 'subject'],
  DiagnosticReport: ['based-on', 'encounter', 'media', 'patient', 'performer', 'result', 'results-interpreter', 'specimen', 'subject'],
  DocumentReference: ['authenticator', 'author', 'custodian', 'encounter', 'patient', 'related', 'relatesto', 'subject'],
  Encounter: ['account', 'appointment', 'based-on', 'diagnosis', 'episode-of-care', 'location', 'part-of', 'participant', 'patient', 'practitioner', 'reason-reference', 'service-provider', 'subject'],
  Immunization: ['location', 'manufacturer', 'patient', 'performer', 'reaction', 'reason-reference'],
  HealthcareService: ['coverage-area', 'endpoint', 'location', 'organization'],
  Location: ['endpoint', 'organization', 'partof'],
  MedicationRequest: ['encounter', 'intended-dispenser', 'intended-performer', 'medication', 'patient', 'requester', 'subject'],
  MedicationStatement: ['context', 'medication', 'part-of', 'patient', 'source', 'subject'],
  Observation: ['based-on', 'derived-from', 'device', 'encounter', 'focus', 'has-member', 'part-of', 'patient', 'performer', 'specimen', 'subject'],
  PractitionerRole: ['endpoint', 'location', 'organization', 'practitioner', 'service'],
  Provenance: ['agent', 'entity', 'location', 'patient', 'target'],
};

const INCLUDE_KEYS = ['_include', '_include:iterate', '_revinclude', '_revinclude:iterate'];

/** HAPI's words for the first include R4 does not define, or undefined when all are known. */
export function unknownIncludeMessage(params: URLSearchParams): string | undefined {
  for (const key of INCLUDE_KEYS) {
    for (const value of params.getAll(key)) {
      if (value === '*') continue;
      const [type = '', name = ''] = value.split(':');
      if (!R4_REFERENCE_PARAMS[type]?.includes(name)) {
        const which = key.startsWith('_revinclude') ? '_revinclude' : '_include';
        return `Invalid ${which} parameter value: "${value}". Unknown search parameter "${name}" for resource type "${type}".`;
      }
    }
  }
  return undefined;
}
