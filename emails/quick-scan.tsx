import { Button, Text } from '@react-email/components'
import { translate, type Locale } from '../app/lib/i18n'
import { buttonStyle, EmailLayout } from './components/layout'

export type QuickScanProps = {
  title: string | null
  url: string
  /** The risks found, by title, most serious first. */
  risks: string[]
  /** Per path: the realistic first working day (median and the date eight in ten are working by). */
  starts: { path: 'asylum_seeker' | 'status_holder'; median: string; p80: string }[]
}

export function quickScanSubject(locale: Locale) {
  return translate(locale, 'email.scan.subject')
}

/** A scan's result, sent to the address its reader typed in; the address is not kept after sending. */
export function QuickScanEmail({ locale, title, url, risks, starts }: QuickScanProps & { locale: Locale }) {
  return (
    <EmailLayout locale={locale} preview={quickScanSubject(locale)}>
      <Text>{translate(locale, 'email.scan.body', { title: title ?? translate(locale, 'scan.untitled') })}</Text>
      {starts.map((s) => (
        <Text key={s.path}>
          {translate(locale, `twv.status.${s.path}`)}: {translate(locale, 'scan.startRange', { medianDate: s.median, p80Date: s.p80 })}
        </Text>
      ))}
      <Text>
        {translate(locale, 'scan.risksTitle')}: {risks.length > 0 ? risks.join('; ') : translate(locale, 'risk.none')}
      </Text>
      <Button href={url} style={buttonStyle}>
        {translate(locale, 'email.scan.cta')}
      </Button>
      <Text>{translate(locale, 'email.scan.notKept')}</Text>
    </EmailLayout>
  )
}
