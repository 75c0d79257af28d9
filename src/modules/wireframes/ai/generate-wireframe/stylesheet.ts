/** The stylesheet: one low-fi look for every template. */
export const WIREFRAME_CSS = `:root{--ink:#333;--muted:#777;--line:#bbb;--fill:#e4e4e4;--paper:#fafafa;--accent:#555}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--paper)}
h1{font-size:22px;margin:0}
h2{font-size:15px;margin:0 0 10px}
a{color:var(--ink)}
.wf-topbar{display:flex;align-items:center;gap:24px;padding:10px 20px;border-bottom:2px solid var(--line);background:#fff}
.wf-logo{font-weight:700;padding:4px 10px;border:2px dashed var(--line)}
.wf-nav{display:flex;gap:16px;flex:1;flex-wrap:wrap}
.wf-nav-link{text-decoration:none;color:var(--muted);padding:4px 0}
.wf-nav-link.wf-active{color:var(--ink);border-bottom:2px solid var(--ink)}
.wf-avatar{width:32px;height:32px;border-radius:50%;background:var(--fill);display:grid;place-items:center;font-size:12px;font-weight:600}
.wf-main{padding:20px;display:grid;gap:16px;max-width:1100px;margin:0 auto}
.wf-page-head{display:flex;align-items:center;justify-content:space-between;gap:12px;flex-wrap:wrap}
.wf-breadcrumb{color:var(--muted);font-size:13px}
.wf-toolbar{display:flex;gap:8px;flex-wrap:wrap}
.wf-input{font:inherit;padding:7px 10px;border:1.5px solid var(--line);border-radius:4px;background:#fff;min-width:0}
input.wf-input[type=search]{flex:1;min-width:180px}
.wf-button{font:inherit;padding:7px 14px;border:1.5px solid var(--accent);border-radius:4px;background:#fff;color:var(--ink);cursor:default;margin-left:6px}
.wf-primary{background:var(--accent);color:#fff}
.wf-card{background:#fff;border:1.5px solid var(--line);border-radius:6px;padding:16px}
.wf-table{width:100%;border-collapse:collapse;background:#fff;border:1.5px solid var(--line)}
.wf-table th,.wf-table td{text-align:left;padding:9px 12px;border-bottom:1px solid var(--fill)}
.wf-table th{background:var(--fill);font-weight:600;font-size:13px}
.wf-bar{display:inline-block;height:10px;border-radius:5px;background:var(--fill);vertical-align:middle}
.wf-bar-1{width:120px}.wf-bar-2{width:90px}.wf-bar-3{width:150px}
.wf-badge{display:inline-block;padding:1px 8px;border:1px solid var(--line);border-radius:10px;font-size:12px}
.wf-pager{display:flex;justify-content:space-between;align-items:center;color:var(--muted)}
.wf-columns{display:grid;grid-template-columns:2fr 1fr;gap:16px}
.wf-fields{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:0}
.wf-field dt{font-size:12px;color:var(--muted)}
.wf-field dd{margin:2px 0 0}
.wf-image{height:140px;background:var(--fill);border:1.5px dashed var(--line);display:grid;place-items:center;color:var(--muted);margin-bottom:14px}
.wf-list{margin:0;padding-left:18px;display:grid;gap:6px}
.wf-latest{font-weight:600}
.wf-form{display:grid;gap:14px;max-width:640px}
.wf-form-row{display:grid;gap:4px}
.wf-form-row label{font-size:13px;font-weight:600}
.wf-check{display:flex;gap:8px;align-items:center}
.wf-form-actions{display:flex;justify-content:flex-end;align-items:center;gap:8px}
.wf-kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}
.wf-kpi{display:grid;gap:4px}
.wf-kpi-label{color:var(--muted);font-size:12px}
.wf-kpi strong{font-size:24px}
.wf-chart{height:160px;display:flex;align-items:flex-end;gap:10px;padding:10px;border-left:2px solid var(--line);border-bottom:2px solid var(--line)}
.wf-chart-bar{flex:1;background:var(--fill);border:1px solid var(--line)}
.wf-h40{height:40%}.wf-h50{height:50%}.wf-h60{height:60%}.wf-h65{height:65%}.wf-h70{height:70%}.wf-h80{height:80%}.wf-h90{height:90%}
.wf-auth{min-height:100vh;display:grid;place-items:center;padding:20px}
.wf-auth-card{width:100%;max-width:380px;display:grid;gap:14px}
.wf-auth-card h1{font-size:20px}
.wf-roles{border:1.5px solid var(--line);border-radius:4px;display:flex;gap:14px;flex-wrap:wrap}
.wf-radio{display:flex;gap:6px;align-items:center}
.wf-muted{color:var(--muted);margin:0;text-align:center}
@media (max-width:640px){.wf-columns,.wf-fields{grid-template-columns:1fr}.wf-topbar{flex-wrap:wrap;gap:10px}.wf-table th:nth-child(n+4),.wf-table td:nth-child(n+4){display:none}}
`;
