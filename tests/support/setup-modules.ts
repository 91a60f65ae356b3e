// What the server's entry wires up at start-up, wired up for tests that call the modules directly:
// speeddates provides payments with what it needs from bookings (payments/booking-port.ts).
import '../../app/modules/speeddates/booking-payments.server'
