import { Id } from '@typed-jmap/core'
import { describe, expect, it } from 'vitest'
import { inMemoryMailSetup } from '../../test/support/in-memory-mail-server.js'
import { isMethodCallError } from '../method-errors/method-call-error.js'
import { copyBlobs } from './copy-blobs.js'

describe('copyBlobs', () => {
  it('copies a blob to another account and reports blobs it could not copy', async () => {
    const setup = inMemoryMailSetup({
      accounts: [
        { id: 'u1', name: 'me' },
        { id: 'u2', name: 'shared' },
      ],
    })
    const uploaded = await setup.jmap.connection.upload('u1', new TextEncoder().encode('hello'), {
      type: 'text/plain',
    })
    const result = await copyBlobs(setup.jmap, {
      fromAccountId: 'u1',
      accountId: 'u2',
      blobIds: [Id(uploaded.blobId), Id('nosuchblob')],
    })
    const copy = result.copied?.[Id(uploaded.blobId)]
    expect(typeof copy).toBe('string')
    expect(result.notCopied?.[Id('nosuchblob')]?.type).toBe('blobNotFound')
    const download = await setup.jmap.connection.download('u2', copy as string, {
      name: 'x.txt',
      type: 'text/plain',
    })
    expect(await download.text()).toBe('hello')
    expect(setup.posted.at(-1)?.methodCalls).toEqual([
      [
        'Blob/copy',
        { fromAccountId: 'u1', accountId: 'u2', blobIds: [uploaded.blobId, 'nosuchblob'] },
        'c0',
      ],
    ])
  })

  it('throws a MethodCallError when the source account does not exist', async () => {
    const setup = inMemoryMailSetup()
    const error = await copyBlobs(setup.jmap, {
      fromAccountId: 'nobody',
      accountId: setup.server.accountId,
      blobIds: [Id('B1')],
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(isMethodCallError(error) && error.error.type).toBe('fromAccountNotFound')
  })
})
