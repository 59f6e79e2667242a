// `pnpm demo:web`: builds the web client, starts it and the in-memory JMAP
// server on two loopback ports, and prints the address to open.
import { startWebClientDemo } from './demo-server.js'

const demo = await startWebClientDemo({ port: Number(process.env.PORT ?? 5173) })
console.log(`typed-jmap web client: ${demo.url}`)
console.log('Ctrl-C stops it.')
process.on('SIGINT', () => {
  void demo.close().then(() => process.exit(0))
})
