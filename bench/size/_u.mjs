import { build } from 'esbuild'
import {writeFileSync} from 'node:fs'
const entry = process.argv[2]
const r = await build({ entryPoints:[entry], absWorkingDir: process.cwd(), bundle:true, splitting:true, format:'esm', platform:'browser', minify:false, treeShaking:true, write:false, metafile:true, logLevel:'error', conditions:['@typed-jmap/source'], outdir:'/tmp/unmin' })
for (const f of r.outputFiles) { writeFileSync(f.path, f.contents); console.log(f.path, f.contents.length) }
