import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { logOut } from '~/web/auth.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request, context }: ActionFunctionArgs) {
  return logOut(request, context)
}
