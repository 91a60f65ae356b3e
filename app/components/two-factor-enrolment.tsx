import { Form } from '@remix-run/react'
import { FormErrorSummary, TextField } from '~/components/field'
import type { FormFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'

/** Scan, or type the key, then confirm with the first code: the same steps at sign-in and in settings. */
export function TwoFactorEnrolment({ qrDataUrl, secret, failure }: { qrDataUrl: string; secret: string; failure: FormFailure | null }) {
  const t = useT()
  return (
    <>
      <ol className="steps-list">
        <li>{t('twoFactor.enrol.step1')}</li>
        <li>
          {t('twoFactor.enrol.step2')}
          <div className="qr">
            <img src={qrDataUrl} alt={t('twoFactor.enrol.qrAlt')} width={200} height={200} />
          </div>
          <p>
            {t('twoFactor.enrol.manualKey')} <code className="secret-key">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
        </li>
        <li>{t('twoFactor.enrol.step3')}</li>
      </ol>
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="enrol" />
        <TextField name="code" label={t('twoFactor.code')} failure={failure} required inputMode="numeric" autoComplete="one-time-code" />
        <button type="submit" className="button">
          {t('twoFactor.enrol.submit')}
        </button>
      </Form>
    </>
  )
}

/** Shown once, right after enrolment, as a page of its own: the codes are not stored in a readable form. */
export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  const t = useT()
  return (
    <section className="page narrow">
      <h1>{t('twoFactor.recovery.title')}</h1>
      <div className="alert" role="status">
        {t('twoFactor.recovery.saved')}
      </div>
      <p>{t('twoFactor.recovery.intro')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a className="button" href={continueTo}>
          {t('twoFactor.recovery.continue')}
        </a>
      </p>
    </section>
  )
}
