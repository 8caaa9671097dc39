/** The AutoSend simulator's sending: one email, and the same email to up to 100 recipients. */
import { startAutoSendSimulator, type AutoSendSimulator } from '..';
import { AS_JSON, call } from '../../specClient';

const FROM = { email: 'hello@example.com', name: 'Example' };

describe('AutoSend simulator: mails', () => {
	let as: AutoSendSimulator;
	const post = (path: string, body: unknown) =>
		call(`${as.baseUrl}${path}`, { method: 'POST', headers: AS_JSON, body: JSON.stringify(body) });
	const send = (body: Record<string, unknown>) =>
		post('/mails/send', { from: FROM, to: { email: 'a@example.com' }, subject: 'Hi', html: '<p>Hi</p>', ...body });

	beforeEach(async () => {
		as = await startAutoSendSimulator();
	});
	afterEach(async () => await as.close());

	it('queues an email and answers with its ID and recipient count', async () => {
		const { status, body } = await send({ cc: [{ email: 'c@example.com' }] });
		expect(status).toBe(200);
		expect(body.data).toEqual({
			emailId: expect.any(String),
			message: 'Email queued successfully.',
			totalRecipients: 2,
		});
		expect(as.state.mails).toHaveLength(1);
	});

	it.each([
		[
			'more than 50 recipients in to, cc and bcc',
			{ cc: Array.from({ length: 50 }, (_, i) => ({ email: `c${i}@example.com` })) },
			'to',
		],
		['a template and html together', { templateId: 'A-welcome01' }, 'templateId'],
		['neither template nor content', { html: undefined }, 'html'],
		['no subject without a template', { subject: undefined }, 'subject'],
		['a subject over 998 characters', { subject: 'x'.repeat(999) }, 'subject'],
		['to as an array', { to: [{ email: 'a@example.com' }] }, 'to'],
		['an unknown key', { tags: ['x'] }, 'tags'],
	])('refuses %s with 400 VALIDATION_FAILED', async (_case, change, field) => {
		const { status, body } = await send(change);
		expect(status).toBe(400);
		expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
	});

	it('sends a template without subject or html', async () => {
		const { status } = await post('/mails/send', {
			from: FROM,
			to: { email: 'a@example.com' },
			templateId: 'A-welcome01',
		});
		expect(status).toBe(200);
	});

	it.each([
		['an unverified sender domain', { from: { email: 'me@other.example.org' } }, 400, 'DOMAIN_NOT_VERIFIED'],
		['an unknown template', { templateId: 'A-nope', html: undefined, subject: undefined }, 404, 'TEMPLATE_NOT_FOUND'],
		['an unknown unsubscribe group', { unsubscribeGroupId: 'NOPE' }, 404, 'SUPPRESSION_GROUP_NOT_FOUND'],
		['a suppressed recipient', { to: { email: 'blocked@example.com' } }, 400, 'RECIPIENT_SUPPRESSED'],
	])('refuses %s', async (_case, change, status, code) => {
		const answer = await send(change);
		expect(answer.status).toBe(status);
		expect(answer.body.error.code).toBe(code);
		expect(as.state.mails).toHaveLength(0);
	});

	it('sends in bulk, counting suppressed recipients as failed without naming them', async () => {
		const { body } = await post('/mails/bulk', {
			from: FROM,
			subject: 'Hi',
			html: '<p>{{name}}</p>',
			dynamicData: { name: 'all' },
			recipients: [{ email: 'a@example.com', dynamicData: { name: 'A' } }, { email: 'blocked@example.com' }],
		});
		expect(body.data).toEqual({ batchId: expect.any(String), totalRecipients: 2, successCount: 1, failedCount: 1 });
		expect(as.state.mails.map((m) => m.dynamicData)).toEqual([{ name: 'A' }]);
	});

	it.each([
		['no recipients', []],
		['101 recipients', Array.from({ length: 101 }, (_, i) => ({ email: `r${i}@example.com` }))],
		['a recipient without email', [{ name: 'x' }]],
	])('refuses a bulk send with %s', async (_case, recipients) => {
		expect((await post('/mails/bulk', { from: FROM, subject: 'Hi', html: 'x', recipients })).status).toBe(400);
	});
});
