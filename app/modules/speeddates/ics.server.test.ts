import { describe, expect, it } from 'vitest'
import { speeddateIcs } from './ics.server'

const base = {
  uid: 'booking-1@werkbrug',
  title: 'Speeddate',
  location: 'Almere Engelse Mijl',
  description: 'Vier kandidaten',
  organizer: { name: 'Ilse Bemiddelaar', email: 'ilse@bemiddeling.example' },
  attendees: [{ name: 'Sanne de Vries', email: 'hr@flevo.example' }],
}

describe('speeddateIcs', () => {
  it('writes UTC times, the UID and the sequence', () => {
    const ics = speeddateIcs({
      ...base,
      sequence: 0,
      method: 'REQUEST',
      status: 'CONFIRMED',
      startsAt: new Date('2027-03-29T08:00:00Z'),
      endsAt: new Date('2027-03-29T09:30:00Z'),
    })
    expect(ics).toContain('METHOD:REQUEST')
    expect(ics).toContain('UID:booking-1@werkbrug')
    expect(ics).toContain('SEQUENCE:0')
    expect(ics).toContain('DTSTART:20270329T080000Z')
    expect(ics).toContain('DTEND:20270329T093000Z')
    // RFC 5546: an invitation names its organizer and attendees.
    const unfolded = ics.replace(/\r\n[ \t]/g, '')
    expect(unfolded).toMatch(/ORGANIZER;CN="?Ilse Bemiddelaar"?:mailto:ilse@bemiddeling\.example/i)
    expect(unfolded).toMatch(/ATTENDEE;[^\n]*mailto:hr@flevo\.example/i)
  })

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const ics = speeddateIcs({
      ...base,
      sequence: 2,
      method: 'CANCEL',
      status: 'CANCELLED',
      startsAt: new Date('2027-03-29T08:00:00Z'),
      endsAt: new Date('2027-03-29T09:30:00Z'),
    })
    expect(ics).toContain('METHOD:CANCEL')
    expect(ics).toContain('STATUS:CANCELLED')
    expect(ics).toContain('SEQUENCE:2')
  })
})
