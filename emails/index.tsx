import { render } from '@react-email/render'
import type { ReactElement } from 'react'
import type { Locale } from '../app/lib/i18n'
import { EmailConfirmationEmail, emailConfirmationSubject, type EmailConfirmationProps } from './email-confirmation'
import { RegistrationExistsEmail, registrationExistsSubject, type RegistrationExistsProps } from './registration-exists'
import { ResetNoAccountEmail, resetNoAccountSubject, type ResetNoAccountProps } from './reset-no-account'
import { BookingNoticeEmail, bookingNoticeSubject, type BookingNoticeProps } from './booking-notice'
import { InvitationEmail, invitationSubject, type InvitationEmailProps } from './invitation'
import { PartnerInvitationEmail, partnerInvitationSubject, type PartnerInvitationProps } from './partner-invitation'
import { PaymentDueEmail, paymentDueSubject, type PaymentDueProps } from './payment-due'
import { PaymentReceiptEmail, paymentReceiptSubject, type PaymentReceiptProps } from './payment-receipt'
import { PaymentRefundEmail, paymentRefundSubject, type PaymentRefundProps } from './payment-refund'
import { PolicyChangeEmail, policyChangeSubject, type PolicyChangeProps } from './policy-change'
import { AftercareDueEmail, aftercareDueSubject, type AftercareDueProps } from './aftercare-due'
import { QuickScanEmail, quickScanSubject, type QuickScanProps } from './quick-scan'
import { StepOverdueEmail, stepOverdueSubject, type StepOverdueProps } from './step-overdue'
import { DailyDigestEmail, dailyDigestSubject, NotificationEmail, notificationSubject, type DailyDigestProps, type NotificationEmailProps } from './notification'
import {
  PasswordResetEmail,
  passwordResetSubject,
  type PasswordResetEmailProps,
} from './password-reset'

type Template<P> = {
  subject: (locale: Locale, props: P) => string
  element: (locale: Locale, props: P) => ReactElement
}

/** Every email the portal can send; app/modules/email/outbox.server.ts is the only caller. */
export const emailTemplates = {
  'password-reset': {
    subject: (locale) => passwordResetSubject(locale),
    element: (locale, props) => <PasswordResetEmail locale={locale} {...props} />,
  } satisfies Template<PasswordResetEmailProps>,
  'reset-no-account': {
    subject: (locale) => resetNoAccountSubject(locale),
    element: (locale, props) => <ResetNoAccountEmail locale={locale} {...props} />,
  } satisfies Template<ResetNoAccountProps>,
  'email-confirmation': {
    subject: (locale) => emailConfirmationSubject(locale),
    element: (locale, props) => <EmailConfirmationEmail locale={locale} {...props} />,
  } satisfies Template<EmailConfirmationProps>,
  'registration-exists': {
    subject: (locale) => registrationExistsSubject(locale),
    element: (locale, props) => <RegistrationExistsEmail locale={locale} {...props} />,
  } satisfies Template<RegistrationExistsProps>,
  invitation: {
    subject: invitationSubject,
    element: (locale, props) => <InvitationEmail locale={locale} {...props} />,
  } satisfies Template<InvitationEmailProps>,
  'partner-invitation': {
    subject: partnerInvitationSubject,
    element: (locale, props) => <PartnerInvitationEmail locale={locale} {...props} />,
  } satisfies Template<PartnerInvitationProps>,
  'booking-notice': {
    subject: bookingNoticeSubject,
    element: (locale, props) => <BookingNoticeEmail locale={locale} {...props} />,
  } satisfies Template<BookingNoticeProps>,
  'step-overdue': {
    subject: stepOverdueSubject,
    element: (locale, props) => <StepOverdueEmail locale={locale} {...props} />,
  } satisfies Template<StepOverdueProps>,
  'aftercare-due': {
    subject: aftercareDueSubject,
    element: (locale, props) => <AftercareDueEmail locale={locale} {...props} />,
  } satisfies Template<AftercareDueProps>,
  'policy-change': {
    subject: policyChangeSubject,
    element: (locale, props) => <PolicyChangeEmail locale={locale} {...props} />,
  } satisfies Template<PolicyChangeProps>,
  'payment-receipt': {
    subject: paymentReceiptSubject,
    element: (locale, props) => <PaymentReceiptEmail locale={locale} {...props} />,
  } satisfies Template<PaymentReceiptProps>,
  'payment-due': {
    subject: paymentDueSubject,
    element: (locale, props) => <PaymentDueEmail locale={locale} {...props} />,
  } satisfies Template<PaymentDueProps>,
  'payment-refund': {
    subject: paymentRefundSubject,
    element: (locale, props) => <PaymentRefundEmail locale={locale} {...props} />,
  } satisfies Template<PaymentRefundProps>,
  notification: {
    subject: notificationSubject,
    element: (locale, props) => <NotificationEmail locale={locale} {...props} />,
  } satisfies Template<NotificationEmailProps>,
  'daily-digest': {
    subject: dailyDigestSubject,
    element: (locale, props) => <DailyDigestEmail locale={locale} {...props} />,
  } satisfies Template<DailyDigestProps>,
  'quick-scan': {
    subject: (locale) => quickScanSubject(locale),
    element: (locale, props) => <QuickScanEmail locale={locale} {...props} />,
  } satisfies Template<QuickScanProps>,
}

export type EmailTemplateName = keyof typeof emailTemplates
export type EmailTemplateProps<N extends EmailTemplateName> = Parameters<
  (typeof emailTemplates)[N]['element']
>[1]

export type RenderedEmail = { subject: string; html: string; text: string }

/** The subject alone: a string, cheap enough to make where the email is queued. */
export function emailSubject<N extends EmailTemplateName>(template: N, locale: Locale, props: EmailTemplateProps<N>): string {
  return (emailTemplates[template] as unknown as Template<EmailTemplateProps<N>>).subject(locale, props)
}

export function isEmailTemplate(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name)
}

export async function renderEmail<N extends EmailTemplateName>(
  template: N,
  locale: Locale,
  props: EmailTemplateProps<N>,
): Promise<RenderedEmail> {
  const definition = emailTemplates[template] as unknown as Template<EmailTemplateProps<N>>
  const element = definition.element(locale, props)
  return {
    subject: definition.subject(locale, props),
    html: await render(element),
    text: await render(element, { plainText: true }),
  }
}
