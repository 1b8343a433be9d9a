const secrets = new Set<string>();

/** Remembers a secret (a password) so that `redact` removes it from any text, wherever it shows up. */
export function registerSecret(secret: string | undefined): void {
	if (secret && secret.length >= 3) {
		secrets.add(secret);
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) secrets.add(encoded);
	}
}

const urlPassword = /\b(postgres(?:ql)?:\/\/[^:/@\s]+):([^@\s]*)@/gi;
const keywordPassword = /\b(password\s*=\s*)('(?:[^']|'')*'|\S+)/gi;
const environmentPassword = /\b(POSTGRES_PASSWORD|PGPASSWORD)=\S+/g;

/** Masks every password in a text: in connection URLs, in key=value strings and any registered secret. */
export function redact(text: string): string {
	let result = text
		.replace(urlPassword, '$1:***@')
		.replace(keywordPassword, '$1***')
		.replace(environmentPassword, '$1=***');
	for (const secret of secrets) {
		result = result.split(secret).join('***');
	}
	return result;
}
