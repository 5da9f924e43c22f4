// The public pages' one stylesheet, served at /public/style.css (kept in code so the server build
// needs no asset copying). Colours meet 4.5:1 against their backgrounds; focus is always visible;
// the layout is one column on phones (375 px) and widens on larger screens.

export const PUBLIC_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;color:#1f2328;background:#f6f7f9}
.wrap{max-width:960px;margin:0 auto;padding:0 16px}
a{color:#0b5cad;text-underline-offset:2px}
a:hover{color:#084a8c}
:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:8px;top:-48px;background:#fff;color:#0b5cad;padding:8px 12px;border-radius:4px;z-index:10}
.skip:focus{top:8px}
header.site{background:#9f1d20;color:#fff}
header.site .wrap{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center;justify-content:space-between;padding-top:12px;padding-bottom:12px}
.brand{margin:0;display:flex;flex-direction:column}
.brand a{color:#fff;font-size:1.25rem;font-weight:700;text-decoration:none}
.brand span{font-size:.875rem;color:#fbe9e9}
header.site :focus-visible{outline-color:#fff}
.langs{list-style:none;display:flex;gap:12px;margin:0;padding:0;font-size:.875rem}
.langs a{color:#fff}
.langs [aria-current]{font-weight:700;border-bottom:2px solid #fff}
main{padding-top:16px;padding-bottom:32px;outline:none}
h1{font-size:1.5rem;line-height:1.35;margin:8px 0 16px}
h2{font-size:1.2rem;margin:24px 0 8px}
h3{font-size:1.05rem;margin:16px 0 8px}
.search{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px}
.field{display:flex;flex-direction:column;gap:4px;flex:1 1 220px;min-width:0}
label{font-weight:600}
input[type=search],input[type=text],select,textarea{font:inherit;color:inherit;background:#fff;border:1px solid #6e7781;border-radius:6px;padding:8px 10px;width:100%}
button{font:inherit;font-weight:600;color:#fff;background:#0b5cad;border:0;border-radius:6px;padding:10px 20px;min-height:44px;cursor:pointer}
button:hover{background:#084a8c}
.count{color:#424a53;margin:12px 0}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px}
.card h2,.card h3{margin:0 0 8px;font-size:1.1rem}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(128px,1fr));gap:8px 16px;margin:0}
.facts div{min-width:0}
.facts dt{font-size:.8125rem;color:#424a53}
.facts dd{margin:0;overflow-wrap:anywhere}
.progress{display:inline-flex;align-items:center;gap:8px}
.progress progress{width:80px;height:10px;accent-color:#0b5cad}
.light{display:inline-flex;align-items:center;gap:6px;border-radius:999px;padding:0 10px;font-size:.875rem}
.light.none{padding:0}
.light .dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.light.green{background:#e6f4ea;color:#14532d}.light.green .dot{background:#1a7f37}
.light.amber{background:#fff4d6;color:#5c3d00}.light.amber .dot{background:#bf8700}
.light.red{background:#fde8e8;color:#8a1c1c}.light.red .dot{background:#cf222e}
.task{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.timeline{list-style:none;margin:0;padding:0 0 0 16px;border-left:3px solid #d0d7de}
.timeline li{position:relative;margin:0 0 12px}
.timeline li::before{content:"";position:absolute;left:-24px;top:8px;width:13px;height:13px;border-radius:50%;background:#0b5cad;border:2px solid #fff}
.timeline time,.comments .meta{font-size:.875rem;color:#424a53;font-weight:600}
.timeline p,.comments p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.comments{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.comments li{border-top:1px solid #d8dee4;padding-top:8px}
.average{font-size:1.05rem}
.stars-shown{color:#9a6700;letter-spacing:2px}
.empty{color:#424a53}
fieldset{border:1px solid #d0d7de;border-radius:8px;margin:0 0 12px;padding:8px 12px 12px}
legend{font-weight:600;padding:0 4px}
.stars{display:flex;flex-direction:column;gap:4px}
.stars input{position:absolute;opacity:0;width:1px;height:1px}
.stars label{font-weight:400;display:block;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;cursor:pointer;min-height:44px}
.stars label span{color:#9a6700;letter-spacing:1px}
.stars input:checked+label{border-color:#0b5cad;background:#ddf4ff;font-weight:600}
.stars input:focus-visible+label{outline:3px solid #b35c00;outline-offset:2px}
.rate .field{margin-bottom:12px}
.hint{font-size:.875rem;color:#424a53;margin:0}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.notice{border-radius:6px;padding:10px 12px;font-weight:600}
.notice.ok{background:#dafbe1;color:#14532d}
.notice.warn{background:#fff1e5;color:#762c00}
.pager{display:flex;gap:16px;align-items:center;justify-content:center;margin:16px 0}
.back{margin:8px 0 12px}
footer.site{border-top:1px solid #d0d7de;color:#424a53;font-size:.875rem}
@media (min-width:720px){.stars{flex-direction:row;flex-wrap:wrap}h1{font-size:1.75rem}}
`;
