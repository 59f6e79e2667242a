import { Socket } from 'node:net'
import { LmtpDeliveryError } from './lmtp-delivery-error.js'

/** The LMTP server a delivery goes to. */
export interface LmtpTarget {
  readonly host: string
  readonly port: number
}

/** Reads complete LMTP replies (the last line has a space after the code) off a socket. */
class ReplyReader {
  private buffer = ''
  private readonly waiting: Array<{
    resolve: (reply: string) => void
    reject: (e: Error) => void
  }> = []
  private failure: Error | undefined

  constructor(socket: Socket) {
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      this.buffer += chunk
      this.flush()
    })
    socket.on('error', (error) => this.fail(error))
    socket.on('close', () => this.fail(new Error('LMTP connection closed')))
  }

  next(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      this.flush()
    })
  }

  private flush(): void {
    for (;;) {
      const waiter = this.waiting[0]
      const end = /^\d{3} .*\r\n/m.exec(this.buffer)
      if (waiter === undefined) return
      if (end === null) {
        if (this.failure !== undefined) {
          this.waiting.shift()
          waiter.reject(this.failure)
          continue
        }
        return
      }
      const cut = end.index + end[0].length
      const reply = this.buffer.slice(0, cut)
      this.buffer = this.buffer.slice(cut)
      this.waiting.shift()
      waiter.resolve(reply)
    }
  }

  private fail(error: Error): void {
    this.failure ??= error
    this.flush()
  }
}

/**
 * Delivers one raw RFC 5322 message to one recipient over LMTP (RFC 2033),
 * as the MTA would: the message lands in the recipient's INBOX. The envelope
 * sender is null (`<>`) unless `mailFrom` is given; Sieve vacation (RFC 5230
 * §4.6) never answers a null sender.
 * @example await deliverRawOverLmtp({ host: '127.0.0.1', port: 18124 }, 'test', 'Subject: hi\r\n\r\nbody\r\n')
 */
export async function deliverRawOverLmtp(
  target: LmtpTarget,
  to: string,
  rawMessage: string,
  mailFrom = '',
): Promise<void> {
  const socket = new Socket()
  socket.setTimeout(15_000, () => socket.destroy(new Error('LMTP timed out')))
  const replies = new ReplyReader(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject)
    socket.connect(target.port, target.host, () => {
      socket.off('error', reject)
      resolve()
    })
  })
  const exchange = async (
    command: string | undefined,
    expected: string,
    label = command ?? '(greeting)',
  ): Promise<void> => {
    if (command !== undefined) socket.write(`${command}\r\n`, 'latin1')
    const reply = await replies.next()
    if (!reply.startsWith(expected)) throw new LmtpDeliveryError(label, reply)
  }
  try {
    await exchange(undefined, '220')
    await exchange('LHLO localhost', '250')
    await exchange(`MAIL FROM:<${mailFrom}>`, '250')
    await exchange(`RCPT TO:<${to}>`, '250')
    await exchange('DATA', '354')
    // CRLF line ends, and a leading dot doubled so that it is not read as the end.
    const body = rawMessage
      .replace(/\r?\n/g, '\r\n')
      .replace(/^\./gm, '..')
      .replace(/(\r\n)?$/, '\r\n')
    // LMTP answers DATA once per accepted recipient: one here.
    await exchange(`${body}.`, '250', 'end of DATA')
    socket.write('QUIT\r\n')
  } finally {
    socket.end()
  }
}
