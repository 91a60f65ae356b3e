import { todayInAmsterdam } from '~/lib/dates'

/** A complete, valid vacancy body for the API documentation, with this install's locations. */
export function exampleVacancyBody(receptionLocationIds: string[], today = todayInAmsterdam()) {
  const start = new Date(`${today}T12:00:00Z`)
  start.setUTCDate(start.getUTCDate() + 30)
  return {
    title: 'Orderpicker distributiecentrum',
    sector: 'logistics',
    tasks: 'Orders verzamelen met een handscanner en rolcontainers laden.',
    address: 'Transportweg 12',
    postcode: '1332 AB',
    municipality: 'Almere',
    travelTimes: receptionLocationIds.map((id) => ({ receptionLocationId: id, minutes: 30 })),
    hoursMin: 24,
    hoursMax: 36,
    contractType: 'temporary',
    contractMonths: 6,
    shifts: ['day', 'evening'],
    hourlyWageCents: 1525,
    forWorkersUnder21: false,
    youngestAge: null,
    startDate: start.toISOString().slice(0, 10),
    positions: 3,
    englishLevel: 'a_little',
    dutchLevel: 'none',
    physicalDemands: 'Veel lopen, tillen tot 20 kg.',
    requirements: null,
    candidateStatus: 'asylum_seekers_welcome',
    trialPlacementOffered: true,
    trialPlacementWeeks: 4,
  }
}

export const exampleVacancyPatch = { hoursMin: 24, hoursMax: 32, hourlyWageCents: 1550 }
