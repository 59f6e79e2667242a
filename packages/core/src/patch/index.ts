export type { PatchObject, PatchPath, PatchValue } from './patch-object.js'
