import { breakdownDimensions, notStartedReasons, stopReasons } from './categories'

/** GET /api/v1/reports/funnel in the OpenAPI document: for an intermediary's key only. */
export function pipelineOpenApi() {
  const problem = { $ref: '#/components/responses/Problem' }
  const count = { type: 'integer', minimum: 0 }
  const counts = (keys: readonly string[]) => ({ type: 'object', required: [...keys], properties: Object.fromEntries(keys.map((k) => [k, count])), additionalProperties: false })
  const date = { type: 'string', format: 'date' }
  return {
    schemas: {
      FunnelBreakdown: {
        type: 'object',
        required: ['table', 'rows'],
        properties: {
          table: { type: 'string', description: 'The table of the pilot report it compares with, e.g. 3.2' },
          rows: {
            type: 'array',
            items: { type: 'object', required: ['category', 'participants', 'matches'], properties: { category: { type: 'string' }, participants: count, matches: count } },
          },
        },
      },
      Funnel: {
        type: 'object',
        description:
          'The pilot funnel (report tables 3.1–3.7) from the intermediary’s records. Participants: intakes in the period; matches: made in the period, counted by where they stand on `to`. placements = working + stopped; matches = placements + waiting + notStarted.',
        required: ['from', 'to', 'targetGroup', 'participants', 'matches', 'placements', 'employers', 'quickScans', 'breakdowns', 'linkedMunicipalities'],
        properties: {
          from: date,
          to: date,
          targetGroup: {
            type: 'object',
            required: ['entered', 'residents', 'total', 'statusHolders', 'asylumSeekers'],
            properties: { entered: { type: 'boolean' }, residents: { type: ['integer', 'null'] }, total: count, statusHolders: count, asylumSeekers: count },
          },
          participants: counts(['total', 'stillLiving', 'notYetPlaced']),
          matches: {
            type: 'object',
            required: ['total', 'people', 'repeatMatches', 'working', 'waiting', 'notStarted', 'notStartedByReason', 'stopped', 'stoppedTemporary', 'stoppedOther', 'stoppedByReason'],
            properties: {
              total: count,
              people: count,
              repeatMatches: count,
              working: count,
              waiting: count,
              notStarted: count,
              notStartedByReason: counts([...notStartedReasons, 'unknown']),
              stopped: count,
              stoppedTemporary: count,
              stoppedOther: count,
              stoppedByReason: counts([...stopReasons, 'unknown']),
            },
          },
          placements: count,
          employers: counts(['approached', 'withPlacement']),
          quickScans: {
            ...counts(['scansStarted', 'scansCompleted', 'registered', 'withSubmittedVacancy', 'withSpeeddate', 'withHire']),
            description:
              'The employer side, from the public quick scan: scans started and completed on the whole platform (counted per day, without cookies), employers that registered from a scan with this intermediary in the period, and of those how many submitted a vacancy, had a speeddate approved and hired.',
          },
          breakdowns: {
            type: 'object',
            required: Object.keys(breakdownDimensions),
            properties: Object.fromEntries(Object.keys(breakdownDimensions).map((d) => [d, { $ref: '#/components/schemas/FunnelBreakdown' }])),
          },
          linkedMunicipalities: {
            type: 'array',
            items: { type: 'object', required: ['municipality', 'participants', 'matches'], properties: { municipality: { type: 'string' }, participants: count, matches: count } },
          },
        },
      },
    },
    paths: {
      '/api/v1/reports/funnel': {
        get: {
          operationId: 'getFunnelReport',
          summary: 'The intake-to-work funnel of the intermediary whose key this is',
          description: 'Only an intermediary’s key may call this; an employer’s key gets 403. Counts are not suppressed: the key is the intermediary’s own (the portal’s CSV hides counts under 5 for sharing).',
          parameters: [
            { name: 'from', in: 'query', required: false, schema: date, description: 'First day of the period (default: a year before `to`)' },
            { name: 'to', in: 'query', required: false, schema: date, description: 'Last day and reference date (default: today)' },
            { name: 'location', in: 'query', required: false, schema: { type: 'string', format: 'uuid' }, description: 'Only this reception location' },
          ],
          responses: {
            200: { description: 'The funnel', content: { 'application/json': { schema: { $ref: '#/components/schemas/Funnel' } } } },
            400: problem,
            401: problem,
            403: problem,
            429: problem,
          },
        },
      },
    },
  }
}
