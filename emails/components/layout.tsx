import { Body, Container, Head, Hr, Html, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import { translate, type Locale } from '../../app/lib/i18n'

const styles = {
  body: { backgroundColor: '#f4f6f8', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0 },
  container: { backgroundColor: '#ffffff', margin: '24px auto', padding: '24px', maxWidth: '560px' },
  brand: { color: '#0b5563', fontSize: '20px', fontWeight: 700, margin: '0 0 16px' },
  footer: { color: '#55606b', fontSize: '12px', lineHeight: '18px' },
  preview: { display: 'none', overflow: 'hidden', lineHeight: '1px', opacity: 0, maxHeight: 0, maxWidth: 0 },
} as const

/** The frame every Werkbrug email shares: brand, content, and why the recipient got it. */
export function EmailLayout({
  locale,
  preview,
  children,
}: {
  locale: Locale
  preview: string
  children: ReactNode
}) {
  return (
    <Html lang={locale}>
      <Head />
      {/* The inbox's preview line. Not react-email's <Preview>: it pads with zero-width filler
          characters, which text-only and screen-reading renderers spell out. */}
      <div style={styles.preview}>{preview}</div>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{translate(locale, 'app.name')}</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>{translate(locale, 'email.footer')}</Text>
        </Container>
      </Body>
    </Html>
  )
}

export const buttonStyle = {
  backgroundColor: '#0b5563',
  borderRadius: '4px',
  color: '#ffffff',
  display: 'inline-block',
  fontWeight: 700,
  padding: '12px 20px',
  textDecoration: 'none',
} as const
