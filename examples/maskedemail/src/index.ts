export type { MaskedEmail, MaskedEmailCreate, MaskedEmailState } from './masked-email.js'
export { MaskedEmailSchema, maskedEmailCapability } from './masked-email.js'
export type {
  MaskedEmailCreated,
  MaskedEmailGetMethod,
  MaskedEmailMethods,
  MaskedEmailSetMethod,
} from './masked-email-methods.js'
export { maskedEmail } from './masked-email-methods.js'
