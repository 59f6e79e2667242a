import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import {writeFileSync, mkdirSync} from 'node:fs'
const entry = process.argv[2]
const r = await build({ entryPoints:[entry], absWorkingDir: process.cwd(), bundle:true, splitting:true, format:'esm', platform:'browser', minify:true, write:false, metafile:true, logLevel:'error', conditions:['@typed-jmap/source'], outdir:'/tmp/min' })
mkdirSync('/tmp/min',{recursive:true})
for (const f of r.outputFiles) { writeFileSync(f.path, f.contents); console.log(f.path, f.contents.length, gzipSync(f.contents,{level:9}).length) }
