/**
 * Characters outside XML 1.0's Char production: C0 controls other than tab, line feed and carriage
 * return, lone surrogates, U+FFFE and U+FFFF. No escape makes them legal, so they are removed.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside XML attributes and elements (JUnit reports): escaped, characters XML cannot hold removed. */
export function escapeXml(text: string): string {
	return text
		.replace(notXmlChar, '')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}
