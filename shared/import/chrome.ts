// Web-page chrome that a bulletin copied from a government website brings with it: the site's
// navigation and the page's metadata before the masthead, the print and close buttons and the site
// footer after the colophon. Only lines that are recognizably chrome are set aside, and each is listed.
import { squeeze } from './matchers.ts';

const CHROME_LINE = [
  /^(?:当前位置|您的位置|你的位置|所在位置|位置)[：:]/,
  /^首页\s*(?:[>＞»/›]|$)/,
  /[>＞»›]\s*(?:正文|详情|内容)$/,
  /^(?:\S{1,12}\s*[>＞»›]\s*){2,}\S{0,20}$/,
  /^(?:发布机构|发布单位|发文机关|信息来源|来源|发布时间|发布日期|成文日期|更新时间|时间|作者|浏览次数|访问次数|点击数|阅读次数|点击量|浏览量|索引号|主题分类|分类|文号|责任编辑|编辑|字号|字体|分享到|分享|信息公开目录|公开方式|公开范围)[：:]/,
  /(?:【\s*)?字体?[：:]?\s*[【\[［(（]?\s*大\s*[】\]］)）]?\s*[【\[［(（]?\s*中\s*[】\]］)）]?\s*[【\[［(（]?\s*小\s*[】\]］)）]?(?:\s*】)?/,
  /^(?:[【\[［(（]?\s*(?:打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|分享|纠错|我要纠错|加入收藏|保存本页|打印文章|大|中|小|默认|TOP)\s*[】\]］)）]?\s*){1,6}$/i,
  /^(?:扫一扫|用手机扫描|微信扫一扫|手机扫一扫)/,
  /^(?:网站标识码|网站识别码|ICP备|[\u4e00-\u9fff]ICP备|公网安备|[\u4e00-\u9fff]公网安备|版权所有|Copyright|©|主办单位[：:]|承办单位[：:]|技术支持[：:]|联系我们|网站地图|站点地图|隐私声明|建议使用|推荐使用|最佳浏览)/i,
  /^(?:上一篇|下一篇|相关链接|相关文章|相关阅读|相关附件|附件下载)[：:]?/,
  /^(?:\[|【)?(?:无障碍|适老化|长者模式|繁体|简体|繁體|English)(?:\]|】)?(?:\s*[|｜]\s*\S{1,6}){0,6}$/i,
];

export function isChromeLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0) return false;
  return CHROME_LINE.some((pattern) => pattern.test(text)) || /^[|｜·•\s]+$/.test(text);
}

/** `发布时间：2023-07-12 10:21` and the like: a date the page states when the masthead states none. */
export function chromeDate(line: string): string | null {
  const match = /^(?:发布时间|发布日期|成文日期|时间|日期)[：:]\s*(.+)$/.exec(line.trim());
  return match ? match[1]! : null;
}

/**
 * How many of the first lines are chrome: chrome lines, and the lines among them a page carries before
 * its text (the page title repeating the masthead, a column name), up to the last chrome line in the
 * first `window` lines. Lines after `limit` (where the masthead starts) are never counted.
 */
export function leadingChromeEnd(lines: readonly string[], limit: number, window = 20): number {
  let end = 0;
  for (let i = 0; i < Math.min(lines.length, window, limit); i++) {
    if (isChromeLine(lines[i]!)) end = i + 1;
  }
  return end;
}

/** Where the chrome after the text starts: the first of the last lines from which every line is chrome. */
export function trailingChromeStart(lines: readonly string[], window = 20): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - window); i--) {
    if (isChromeLine(lines[i]!) || (i > 0 && isChromeLine(lines[i - 1]!) && FOOTER_INSIDE.test(lines[i]!))) start = i;
    else if (squeeze(lines[i]!).length > 0) break;
  }
  return start;
}

/** A site footer's marks inside a line a hard wrap cut from the footer line before it (`1　鄂ICP备…`). */
const FOOTER_INSIDE = /ICP备|公网安备|网站标识码|版权所有|Copyright|©/i;
