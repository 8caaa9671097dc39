import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	MARKETING_GROUP,
	QUICK,
	requestsTo,
	runAutoSend,
	SENDER,
	sendEmailParameters,
	SUPPRESSED,
} from '../../support/autosend-operations';
import { useSimulators } from '../../support/package';

describe('AutoSend › Email › Send', () => {
	const sim = useSimulators({ each: true });
	const run = async (items: object[], extra: Record<string, unknown> = {}, onError?: 'continueRegularOutput') =>
		await runAutoSend(sim.as, sendEmailParameters({ options: QUICK, ...extra }), items, onError);

	it("sends an HTML email to one recipient and outputs AutoSend's email ID", async () => {
		const result = await run([{ email: 'Ada@Example.com' }], { toName: 'Ada', text: 'Hello' });

		expect(requestsTo(sim.as, '/mails/send').map((r) => r.body)).toEqual([
			{
				from: { email: SENDER, name: 'Example' },
				to: { email: 'ada@example.com', name: 'Ada' },
				subject: 'Hello',
				html: '<p>Hello {{name}}</p>',
				text: 'Hello',
			},
		]);
		expect(result.items).toEqual([
			{
				json: {
					success: true,
					toEmail: 'ada@example.com',
					emailId: expect.any(String),
					message: 'Email queued successfully.',
					totalRecipients: 1,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(sim.as.state.mails).toHaveLength(1);
	});

	it('sends a template with dynamic data, CC, BCC, reply-to and unsubscribe group', async () => {
		await run([{ email: 'ada@example.com' }], {
			subject: '',
			content: 'template',
			templateId: 'A-welcome01',
			dynamicData: '{"firstName": "Ada"}',
			additionalFields: {
				cc: 'team@example.com',
				bcc: ['archive@example.com'],
				replyTo: 'support@example.com',
				unsubscribeGroupId: MARKETING_GROUP,
			},
		});

		expect(requestsTo(sim.as, '/mails/send')[0].body).toEqual({
			from: { email: SENDER, name: 'Example' },
			to: { email: 'ada@example.com' },
			templateId: 'A-welcome01',
			dynamicData: { firstName: 'Ada' },
			cc: [{ email: 'team@example.com' }],
			bcc: [{ email: 'archive@example.com' }],
			replyTo: { email: 'support@example.com' },
			unsubscribeGroupId: MARKETING_GROUP,
		});
	});

	it('never sends a template and HTML together: HTML hidden by Content = Template stays out', async () => {
		await run([{ email: 'ada@example.com' }], { content: 'template', templateId: 'A-welcome01' });

		expect(requestsTo(sim.as, '/mails/send')[0].body).not.toHaveProperty('html');
	});

	it('never sends twice when the answer is lost, and says the email may have been sent', async () => {
		sim.as.injectFault({ match: { path: '/mails/send' }, kind: 'appliedThenHang' });
		const result = await run([{ email: 'ada@example.com' }], { options: { ...QUICK, timeout: 300, maxTries: 3 } });

		expect(requestsTo(sim.as, '/mails/send')).toHaveLength(1);
		expect(sim.as.state.mails).toHaveLength(1);
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toContain(
			'AutoSend did not confirm whether it could send an email to ada@example.com',
		);
		expect(result.error?.description).toContain('it was not sent again (sending twice could do it twice)');
	});

	it('a 429 means not sent: sends again after the wait AutoSend asks for, once', async () => {
		sim.as.injectFault({
			match: { path: '/mails/send' },
			status: 429,
			body: { success: false, error: { message: 'Too many requests', code: 'RATE_LIMIT_EXCEEDED' }, retryAfter: 1 },
		});
		const result = await run([{ email: 'ada@example.com' }]);

		expect(requestsTo(sim.as, '/mails/send').map((r) => r.status)).toEqual([429, 200]);
		expect(sim.as.state.mails).toHaveLength(1);
		expect(result.items[0].json.success).toBe(true);
	});

	it("fails a suppressed recipient with AutoSend's message, and keeps the other items", async () => {
		const result = await run([{ email: SUPPRESSED }, { email: 'ada@example.com' }], {}, 'continueRegularOutput');

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.error).toContain(`The recipient ${SUPPRESSED} is suppressed (RECIPIENT_SUPPRESSED)`);
		expect(result.items[1].json.success).toBe(true);
	});

	it("fails a sender whose domain AutoSend has not verified, with AutoSend's message", async () => {
		const result = await run([{ email: 'ada@example.com' }], { fromEmail: 'me@unverified.example.org' });

		expect(result.error?.message).toContain('The sender domain unverified.example.org is not verified');
		expect(result.error?.description).toContain('domain must be verified');
	});

	it.each([
		[
			'a recipient that is not an address',
			[{ email: 'ada@' }],
			{},
			'To Email is "ada@", which is not one email address',
		],
		['an empty sender', [{ email: 'ada@example.com' }], { fromEmail: '={{ "" }}' }, 'From Email is empty'],
		['no content', [{ email: 'ada@example.com' }], { html: '', text: '' }, 'The email has no content'],
		['no subject with HTML', [{ email: 'ada@example.com' }], { subject: '' }, 'Subject is empty'],
		[
			'an empty template ID',
			[{ email: 'ada@example.com' }],
			{ content: 'template', templateId: '={{ "" }}' },
			'Template ID is empty',
		],
		[
			'a subject over 998 characters',
			[{ email: 'ada@example.com' }],
			{ subject: 'x'.repeat(999) },
			'AutoSend accepts at most 998',
		],
		[
			'a bad CC address',
			[{ email: 'ada@example.com' }],
			{ additionalFields: { cc: 'ok@example.com, nope' } },
			'CC contains "nope"',
		],
		['a bad reply-to', [{ email: 'ada@example.com' }], { additionalFields: { replyTo: 'a, b' } }, 'Reply To is "a, b"'],
		[
			'dynamic data that is not JSON',
			[{ email: 'ada@example.com' }],
			{ dynamicData: '{x' },
			'Dynamic Data is not valid JSON',
		],
		[
			'more than 50 recipients in To, CC and BCC',
			[{ email: 'ada@example.com' }],
			{
				additionalFields: {
					cc: Array.from({ length: 30 }, (_, i) => `cc${i}@example.com`),
					bcc: Array.from({ length: 20 }, (_, i) => `bcc${i}@example.com`),
				},
			},
			'The email has 51 recipients in To, CC and BCC; AutoSend allows at most 50',
		],
	])('refuses %s before sending', async (_case, items, extra, message) => {
		const result = await run(items, extra);

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(sim.as.requests).toHaveLength(0);
	});
});
