import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { CandidateForm } from '~/components/candidate-form'
import { CheckboxField, FormErrorSummary, Notice } from '~/components/field'
import { todayInAmsterdam } from '~/lib/dates'
import { handleIntents, intent } from '~/lib/form-action.server'
import { asFormFailure } from '~/lib/form-failure'
import { formatDate, type MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { matchStateOn } from '~/modules/pipeline/funnel'
import { eraseCandidate, updateIntake, viewCandidate } from '~/modules/pipeline/candidates.server'
import { candidateIntakeSchema } from '~/modules/pipeline/pipeline.schema'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Werkbrug — ${data?.candidate.referenceCode ?? ''}` }]

const idSchema = z.uuid()

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:view')
  const id = idSchema.safeParse(params.id)
  const found = id.success ? await viewCandidate(context.db, actorOf(user), id.data, { audit: !context.answeredByAction }) : null
  if (!found) throw notFound()
  return { ...found, locations: await listReceptionLocations(context.db), today: todayInAmsterdam() }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'pipeline:manage')
  const id = idSchema.safeParse(params.id)
  if (!id.success) throw notFound()
  const actor = actorOf(user)
  // A refused form shows the record again; that view is not a new one.
  context.answeredByAction = true
  return handleIntents(await request.formData(), {
    intake: intent({
      schema: candidateIntakeSchema,
      run: async (input) => {
        if (!(await updateIntake(context.db, actor, id.data, input))) throw notFound()
        return redirect(`/candidates/${id.data}?saved=1`)
      },
    }),
    erase: intent({
      schema: z.object({ confirm: z.literal('on', { message: 'errors.eraseConfirm' }) }),
      run: async () => {
        if (!(await eraseCandidate(context.db, actor, id.data))) throw notFound()
        return redirect('/candidates?erased=1')
      },
    }),
  })
}

export default function Candidate() {
  const t = useT()
  const locale = useLocale()
  const { candidate, matches, locations, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = asFormFailure(actionData)
  const intakeFailure = actionData?.intent === 'intake' ? failure : null
  const eraseFailure = actionData?.intent === 'erase' ? failure : null
  const [params] = useSearchParams()
  const date = (d: string) => formatDate(locale, `${d}T12:00:00Z`)
  return (
    <section className="page">
      {params.get('saved') ? <Notice>{t('candidate.saved')}</Notice> : null}
      <h1>
        {candidate.referenceCode}
        {candidate.firstName ? ` — ${candidate.firstName}` : ''}
      </h1>
      <p className="hint">{t('candidate.viewAudited')}</p>

      <h2>{t('candidate.matches')}</h2>
      {matches.length === 0 ? (
        <p>{t('candidate.noMatches')}</p>
      ) : (
        <ul>
          {matches.map((m) => {
            const state = matchStateOn({ ...m, candidateId: candidate.id, employerOrganisationId: '' }, today)
            return (
              <li key={m.id}>
                <Link to={`/hires/${m.id}`}>
                  {m.vacancy} — {m.employer}
                </Link>{' '}
                ({t('candidate.matchedOn', { date: date(m.matchedOn) })}): {t(`match.state.${state}`)}
                {m.stopReason ? `, ${t(`pipeline.stopReason.${m.stopReason}` as MessageKey)}` : ''}
              </li>
            )
          })}
        </ul>
      )}

      <h2>{t('candidate.intake')}</h2>
      <CandidateForm values={intakeFailure?.values ?? candidate} failure={intakeFailure} locations={locations} submitLabel={t('candidate.save')} today={today} />

      <h2>{t('candidate.privacy')}</h2>
      <p>
        <a href={`/candidates/${candidate.id}/export.json`} download>
          {t('candidate.export')}
        </a>
      </p>
      <h3>{t('candidate.erase')}</h3>
      <p>{t('candidate.eraseIntro')}</p>
      <FormErrorSummary failure={eraseFailure} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="erase" />
        <CheckboxField name="confirm" label={t('candidate.eraseConfirm', { reference: candidate.referenceCode })} />
        {eraseFailure?.fieldErrors.confirm ? <p className="field__error">{t(eraseFailure.fieldErrors.confirm.key, eraseFailure.fieldErrors.confirm.params)}</p> : null}
        <button type="submit" className="button button--danger">
          {t('candidate.eraseButton')}
        </button>
      </Form>
    </section>
  )
}
