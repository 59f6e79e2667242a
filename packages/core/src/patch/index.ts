export type {
  PatchObject,
  PatchPath,
  PatchTarget,
  PatchValue,
  UnknownPatchSegment,
} from './patch-object.js'
