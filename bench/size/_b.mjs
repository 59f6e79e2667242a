import { build } from 'esbuild'
const entry = process.argv[2]
const r = await build({ entryPoints:[entry], absWorkingDir: process.cwd(), bundle:true, splitting:true, format:'esm', platform:'browser', minify:true, write:false, metafile:true, logLevel:'error', conditions:['@typed-jmap/source'], outdir:'/tmp/o' })
const outs = r.metafile.outputs
const entryKey = Object.keys(outs).find(k=>outs[k].entryPoint)
const seen=new Set(); const visit=(p)=>{ if(seen.has(p))return; seen.add(p); for(const i of outs[p].imports) if(i.kind==='import-statement') visit(i.path)}; visit(entryKey)
const rows=[]
for (const p of seen) for (const [k,v] of Object.entries(outs[p].inputs)) rows.push([v.bytesInOutput, k.replace(/.*node_modules\/(\.pnpm\/)?/,'nm:').replace(/^\.\.\/\.\.\/packages\//,'')])
rows.sort((a,b)=>b[0]-a[0])
console.log(rows.reduce((s,r)=>s+r[0],0))
console.log(rows.slice(0,+process.argv[3]||80).map(([v,k])=>v+' '+k).join('\n'))
