/**
 * Untrusted-text corpus for the XSS tests (issue 6). Every payload that would run script calls
 * `window.__xss(id)` with its own index, so a test that defines `window.__xss` can tell which one ran.
 * `@ID` in a template is replaced by the payload's index. Payloads are kept distinct (checked in the test).
 */

const TEMPLATES: readonly string[] = [
  // Classic script tags
  '<script>__xss(@ID)</script>',
  '<SCRIPT>window.__xss(@ID)</SCRIPT>',
  '<script src="data:text/javascript,__xss(@ID)"></script>',
  '<script>/*</script><script>*/__xss(@ID)</script>',
  '</script><script>__xss(@ID)</script>',
  '<scr<script>ipt>__xss(@ID)</scr</script>ipt>',
  '<script type="module">__xss(@ID)</script>',
  '<script\x0cx>__xss(@ID)</script>',
  // Event-handler attributes
  '<img src=x onerror=__xss(@ID)>',
  '<img src="x" onerror="window.__xss(@ID)">',
  '<IMG SRC=x OnErRoR=__xss(@ID)>',
  '<img src=x onerror=&#95;&#95;xss(@ID)>',
  '<img/src=x/onerror=__xss(@ID)>',
  '<img src=x:x onerror\t=\t__xss(@ID)>',
  '<svg onload=__xss(@ID)>',
  '<svg/onload=__xss(@ID)//',
  '<svg><script>__xss(@ID)</script></svg>',
  '<svg><animate onbegin=__xss(@ID) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:__xss(@ID)"><text x="20" y="20">X</text></a></svg>',
  '<body onload=__xss(@ID)>',
  '<body onpageshow=__xss(@ID)>',
  '<details open ontoggle=__xss(@ID)>',
  '<input autofocus onfocus=__xss(@ID)>',
  '<select autofocus onfocus=__xss(@ID)></select>',
  '<textarea autofocus onfocus=__xss(@ID)></textarea>',
  '<video><source onerror=__xss(@ID)></video>',
  '<video src=x onerror=__xss(@ID)></video>',
  '<audio src=x onerror=__xss(@ID)></audio>',
  '<marquee onstart=__xss(@ID)>x</marquee>',
  '<div onmouseover=__xss(@ID) style="position:fixed;inset:0">x</div>',
  '<object data="javascript:__xss(@ID)"></object>',
  '<embed src="javascript:__xss(@ID)">',
  '<form><button formaction=javascript:__xss(@ID)>x</button></form>',
  '<isindex action=javascript:__xss(@ID) type=image>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(@ID)>',
  '<x contenteditable onfocus=__xss(@ID) autofocus>',
  // Breaking out of attributes
  '"><img src=x onerror=__xss(@ID)>',
  "'><img src=x onerror=__xss(@ID)>",
  '" onmouseover="__xss(@ID)" x="',
  "' onfocus='__xss(@ID)' autofocus='",
  '" autofocus onfocus=__xss(@ID) x="',
  '`><img src=x onerror=__xss(@ID)>',
  '"/><svg onload=__xss(@ID)>',
  '--><img src=x onerror=__xss(@ID)>',
  ']]><img src=x onerror=__xss(@ID)>',
  '</title><img src=x onerror=__xss(@ID)>',
  '</textarea><img src=x onerror=__xss(@ID)>',
  '</style><img src=x onerror=__xss(@ID)>',
  '<!--<img src="--><img src=x onerror=__xss(@ID)//">',
  // javascript: URLs and their disguises
  'javascript:__xss(@ID)',
  'JaVaScRiPt:__xss(@ID)',
  ' javascript:__xss(@ID)',
  'java\tscript:__xss(@ID)',
  'java\nscript:__xss(@ID)',
  'java\rscript:__xss(@ID)',
  '\x01javascript:__xss(@ID)',
  'javascript\t:__xss(@ID)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss(@ID)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss(@ID)',
  'javascript&colon;__xss(@ID)',
  'javascript:%5F%5Fxss(@ID)',
  'javascript://%0A__xss(@ID)',
  'javascript:/*--></title></style></textarea></script><svg/onload=__xss(@ID)>',
  '<a href="javascript:__xss(@ID)">click</a>',
  '<a href="jav&#x09;ascript:__xss(@ID)">click</a>',
  '<iframe src="javascript:__xss(@ID)"></iframe>',
  // data: and vbscript: URLs
  'data:text/html,<script>parent.__xss(@ID)</script>',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMSk8L3NjcmlwdD4=#@ID',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="parent.__xss(@ID)"/>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9Il9feHNzKDEpIi8+#@ID',
  'DATA:text/html,<script>top.__xss(@ID)</script>',
  ' data:text/javascript,__xss(@ID)',
  'data:application/javascript,__xss(@ID)',
  'vbscript:msgbox("@ID")',
  'VBScript:Execute("__xss(@ID)")',
  'livescript:__xss(@ID)',
  'mocha:__xss(@ID)',
  'filesystem:javascript:__xss(@ID)',
  // Relative / protocol-relative URL tricks
  '//evil.example/x.js?@ID',
  '\\\\evil.example/x?@ID',
  '/\\evil.example/x?@ID',
  'https:javascript:__xss(@ID)',
  'http://x" onerror="__xss(@ID)',
  'https://example.com/a.png" onload="__xss(@ID)',
  'https://example.com/#<img src=x onerror=__xss(@ID)>',
  // template / iframe srcdoc / style
  '<template><img src=x onerror=__xss(@ID)></template>',
  '<iframe srcdoc="<script>parent.__xss(@ID)</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=parent.__xss(@ID)&gt;"></iframe>',
  '<style>@import "javascript:__xss(@ID)";</style>',
  '<div style="background:url(javascript:__xss(@ID))">x</div>',
  '<div style="width:expression(__xss(@ID))">x</div>',
  '<link rel=stylesheet href="javascript:__xss(@ID)">',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(@ID)">',
  '<base href="javascript:__xss(@ID)//">',
  '<style>*{x:expression(__xss(@ID))}</style>',
  // Markdown-ish links
  '[click me](javascript:__xss(@ID))',
  '![img](javascript:__xss(@ID))',
  '[a](data:text/html,<script>__xss(@ID)</script>)',
  '<javascript:__xss(@ID)>',
  '[x]: javascript:__xss(@ID) "title"',
  // Unicode tricks: homoglyphs, RTL override, zero-width, full-width
  '\u202egnp.exe<img src=x onerror=__xss(@ID)>',
  'ｊａｖａｓｃｒｉｐｔ：__xss(@ID)',
  '\uFF1Cscript\uFF1E__xss(@ID)\uFF1C/script\uFF1E',
  'jav\u200Bascript:__xss(@ID)',
  '\u2028<img src=x onerror=__xss(@ID)>\u2029',
  'рayрal.com/<svg onload=__xss(@ID)>',
  '\u0000<script>__xss(@ID)</script>',
  '<scr\u0000ipt>__xss(@ID)</scr\u0000ipt>',
  'java\u0000script:__xss(@ID)',
  '\uFEFFjavascript:__xss(@ID)',
  '\uD800<img src=x onerror=__xss(@ID)>',
  // mXSS-style nesting
  '<noscript><p title="</noscript><img src=x onerror=__xss(@ID)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=__xss(@ID)>">',
  '<math><mi><table><mi><svg><style><img src=x onerror=__xss(@ID)>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(@ID)>',
  '<listing>&lt;img src=x onerror=__xss(@ID)&gt;</listing>',
  '<xmp><img src=x onerror=__xss(@ID)></xmp>',
  '<a title="&quot;&gt;&lt;img src=x onerror=__xss(@ID)&gt;">x</a>',
  '<svg><style><img src=x onerror=__xss(@ID)></style></svg>',
  // Template-injection strings
  '{{constructor.constructor("__xss(@ID)")()}}',
  '${__xss(@ID)}',
  '#{__xss(@ID)}',
  '<%= __xss(@ID) %>',
  '{{__proto__}}{{this.__xss(@ID)}}',
  '[[${__xss(@ID)}]]',
  '{{html "<img src=x onerror=__xss(@ID)>"}}',
  '<?php echo "@ID"; ?><img src=x onerror=__xss(@ID)>',
  '__proto__',
  'constructor',
  // Plain odd strings
  'lit$' + '{1}$lit$<!--?lit$@ID-->',
  '<!--?lit$123$--><img src=x onerror=__xss(@ID)>',
  '&lt;script&gt;__xss(@ID)&lt;/script&gt;',
  '&amp;lt;img src=x onerror=__xss(@ID)&amp;gt;',
  '%3Cscript%3E__xss(@ID)%3C%2Fscript%3E',
  '\\u003cscript\\u003e__xss(@ID)\\u003c/script\\u003e',
  '   ',
  '',
];

/** A long string that ends in a payload (well past the 2 000-character clip). */
const LONG = `${'A'.repeat(5000)}<img src=x onerror=__xss(@ID)>`;
/** Many nested tags. */
const DEEP = `${'<div>'.repeat(500)}<img src=x onerror=__xss(@ID)>${'</div>'.repeat(500)}`;

export const XSS_PAYLOADS: readonly string[] = [...TEMPLATES, LONG, DEEP].map((template, index) => template.replaceAll('@ID', String(index)));

/** Payloads that fit in a URL field: everything, plus a few that only make sense there. */
export const URL_PAYLOADS: readonly string[] = XSS_PAYLOADS;

declare global {
  interface Window {
    __xss?: (id: number) => void;
  }
}
