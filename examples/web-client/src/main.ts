// The page's entry: where the server is comes from the query string, which
// `pnpm demo:web` prints (a real app would sign the user in instead).
import { startApp } from './app.js'

const params = new URLSearchParams(location.search)
const sessionUrl = params.get('session')
const status = document.querySelector<HTMLElement>('#status')
if (sessionUrl === null) {
  if (status) status.textContent = 'add ?session=<session URL>&user=…&password=… to the address'
} else {
  startApp(document, {
    sessionUrl,
    username: params.get('user') ?? '',
    password: params.get('password') ?? '',
  }).catch((error: unknown) => {
    if (status)
      status.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`
  })
}
