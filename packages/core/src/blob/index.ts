export * from './copy-blobs.js'
export type { DownloadOptions } from './download.js'
export type { UploadData, UploadOptions, UploadResult } from './upload.js'
export * from './uri-template.js'
