import { formatTimeRoundedUp } from '../../format';
import { m } from '../../paraglide/messages';
import { codeSchema } from '../../schemas/auth';
import type { Db } from '../db';
import { defineForm, fail, setError } from './forms';

const codeForm = defineForm(codeSchema, 'form', { code: 'code_label' });
import { checkCode, type CodeCheck } from '../auth/factor';

/**
 * The code forms (sign-in, set-up, re-authentication) share this: read, check with the
 * attempt limit, and answer a refusal in words (400, or 429 with Retry-After).
 */
export async function submitCode(
	db: Db,
	request: Request,
	userId: string,
	setHeaders: (h: Record<string, string>) => void,
	opts: { pendingSetup?: boolean } = {}
) {
	const form = await codeForm.read(request);
	const code = form.data.code;
	form.data.code = '';
	if (!form.valid) return { failure: fail(400, { form }) } as const;
	const result: CodeCheck = await checkCode(db, userId, code, new Date(), opts);
	if (result.ok) return { ok: result, form } as const;
	if (result.reason === 'throttled') {
		const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
		setHeaders({ 'retry-after': String(seconds) });
		setError(form, 'code', m.code_throttled({ time: formatTimeRoundedUp(result.retryAt) }));
		return { failure: fail(429, { form }) } as const;
	}
	setError(form, 'code', m.code_invalid());
	return { failure: fail(400, { form }) } as const;
}

export async function emptyCodeForm(next: string) {
	return codeForm.show({ code: '', next }, { errors: false });
}
