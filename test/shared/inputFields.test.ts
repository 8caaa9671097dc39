// "From Input Fields": the set-like operations read each item's values from named fields of its JSON instead
// of evaluating an expression per item. Each operation, run both ways on the same items against fresh
// simulators, must send the same requests and answer with the same items; a missing field fails its item.
import type { INodeParameters } from 'n8n-workflow';
import { startAutoSendSimulator, startSuperOfficeSimulator } from '../simulators';
import {
	addContactsParameters,
	NEWSLETTER,
	sendManyParameters,
	suppressParameters,
	upsertParameters,
} from '../support/autosend-operations';
import {
	autoSendCredential,
	harness,
	removeContactsParameters,
	removeMembersParameters,
	superOfficeCredential,
	useSimulators,
} from '../support/package';
import { addMembersParameters } from '../support/superoffice-selections';

const FROM_FIELDS = { inputMode: 'fromInputFields' };
const QUICK = { options: { requestsPerSecond: 100 } };

interface Case {
	name: string;
	service: 'superOffice' | 'autoSend';
	/** The operation in Map Each Field mode, with expressions reading the item */
	mapped: INodeParameters;
	items: object[];
	path: string;
}

const cases: Case[] = [
	{
		name: 'Selection › Remove Members',
		service: 'superOffice',
		mapped: removeMembersParameters(938, QUICK) as INodeParameters,
		items: [
			{ contactId: 138, personId: 266 },
			{ contactId: 140, personId: 0 },
		],
		path: '/v1/Agents/Selection/RemoveContactSelectionMembers',
	},
	{
		name: 'Selection › Add Members',
		service: 'superOffice',
		mapped: addMembersParameters(939, QUICK),
		items: [
			{ contactId: 138, personId: 266 },
			{ contactId: '139', personId: '301' },
		],
		path: '/v1/Agents/Selection/AddContactSelectionMembers',
	},
	{
		name: 'Contact List › Remove Contacts',
		service: 'autoSend',
		mapped: removeContactsParameters(NEWSLETTER, { ...QUICK, emails: '={{ $json.email }}' }) as INodeParameters,
		items: [{ email: 'jane@example.com' }, { email: ['John@Example.com', 'nobody@example.com'] }],
		path: `/contact-lists/${NEWSLETTER}/contacts/remove`,
	},
	{
		name: 'Contact List › Add Contacts',
		service: 'autoSend',
		mapped: addContactsParameters(NEWSLETTER, { ...QUICK, emails: '={{ $json.email }}' }),
		items: [{ email: 'new.one@example.com' }, { email: 'jane@example.com' }],
		path: '/contact-lists/contacts/bulk-add',
	},
	{
		name: 'Contact › Create or Update',
		service: 'autoSend',
		mapped: upsertParameters({
			...QUICK,
			firstName: '={{ $json.firstName ?? "" }}',
			lastName: '={{ $json.lastName ?? "" }}',
		}),
		items: [
			{ email: 'ada@example.com', firstName: 'Ada' },
			{ email: 'grace@example.com', lastName: 'Hopper' },
		],
		path: '/contacts/bulk-update',
	},
	{
		name: 'Suppression › Suppress Emails',
		service: 'autoSend',
		mapped: suppressParameters({ ...QUICK, emails: '={{ $json.email }}' }),
		items: [{ email: 'jane@example.com' }, { email: 'john@example.com' }],
		path: '/suppression-groups/emails/suppress',
	},
	{
		name: 'Email › Send to Many',
		service: 'autoSend',
		mapped: sendManyParameters({
			...QUICK,
			toName: '={{ $json.name ?? "" }}',
			dynamicData: '={{ $json.dynamicData ?? {} }}',
		}),
		items: [{ email: 'jane@example.com', name: 'Jane', dynamicData: { plan: 'pro' } }, { email: 'john@example.com' }],
		path: '/mails/bulk',
	},
];

/** Runs the node against its own fresh simulator, returning its output and the requests to `path`. */
async function runFresh(service: Case['service'], parameters: INodeParameters, items: object[], path: string) {
	const sim = service === 'superOffice' ? await startSuperOfficeSimulator() : await startAutoSendSimulator();
	try {
		const result = await harness.runNode({
			nodeType: service,
			parameters,
			credentials:
				service === 'superOffice'
					? superOfficeCredential(sim as Awaited<ReturnType<typeof startSuperOfficeSimulator>>)
					: autoSendCredential(sim as Awaited<ReturnType<typeof startAutoSendSimulator>>),
			items: items as never,
			onError: 'continueRegularOutput',
		});
		const bodies = sim.requests.filter((request) => request.path === path).map((request) => request.body);
		return { items: result.items, error: result.error, bodies };
	} finally {
		await sim.close();
	}
}

/** The mapped parameters with the item expressions replaced by From Input Fields (field names left empty). */
function fromFields(mapped: INodeParameters): INodeParameters {
	const parameters: INodeParameters = { ...mapped, ...FROM_FIELDS };
	for (const [name, value] of Object.entries(parameters)) {
		if (typeof value === 'string' && value.includes('$json')) parameters[name] = 'not read in this mode';
	}
	return parameters;
}

describe('From Input Fields', () => {
	const sims = useSimulators();

	describe.each(cases)('$name', ({ service, mapped, items, path }) => {
		it('sends the same requests and answers the same items as Map Each Field with expressions', async () => {
			const byExpression = await runFresh(service, mapped, items, path);
			const byField = await runFresh(service, fromFields(mapped), items, path);

			expect(byExpression.error).toBeUndefined();
			expect(byExpression.bodies.length).toBeGreaterThan(0);
			expect(byExpression.items.every((item) => !('error' in item.json))).toBe(true);
			expect(byField.error).toBeUndefined();
			expect(byField.bodies).toEqual(byExpression.bodies);
			// Each simulator names its own email batch; everything else is the same.
			const batchless = (output: typeof byField.items) =>
				output.map(({ json: { batchId, ...json }, ...item }) => ({ ...item, json, batched: batchId !== undefined }));
			expect(batchless(byField.items)).toEqual(batchless(byExpression.items));
		});

		it('fails only the item that lacks the field, naming the field and the way out', async () => {
			const [first, ...rest] = items;
			const { items: output, bodies } = await runFresh(
				service,
				fromFields(mapped),
				[{ other: 1 }, first, ...rest],
				path,
			);

			expect(output).toHaveLength(items.length + 1);
			expect(Object.keys(output[0].json)).toEqual(['error']);
			expect(output[0].json.error).toMatch(/has no field "(contactId|personId|email)"/);
			expect(output[0].pairedItem).toEqual({ item: 0 });
			expect(output.slice(1).every((item) => !('error' in item.json))).toBe(true);
			expect(bodies.length).toBeGreaterThan(0);
		});
	});

	it('reads renamed fields and dotted paths', async () => {
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: {
				...removeMembersParameters(938, QUICK),
				...FROM_FIELDS,
				contactIdField: 'member.company',
				personIdField: ' person ',
			} as INodeParameters,
			credentials: superOfficeCredential(sims.so),
			items: [{ member: { company: 138 }, person: 267 }] as never,
		});

		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ success: true, contactId: 138, personId: 267 });
		expect(sims.so.requests.at(-1)?.body).toEqual({
			SelectionId: 938,
			ContactPersonIds: [{ PersonId: 267, ContactId: 138 }],
		});
	});

	it('checks a value read from a field as strictly as a mapped one, naming the field', async () => {
		const result = await harness.runNode({
			nodeType: 'superOffice',
			parameters: { ...removeMembersParameters(938, QUICK), ...FROM_FIELDS } as INodeParameters,
			credentials: superOfficeCredential(sims.so),
			items: [{ contactId: 'abc', personId: 266 }] as never,
			onError: 'continueRegularOutput',
		});

		expect(result.items[0].json.error).toMatch(/Company \(Contact\) ID \(input field "contactId"\)/);
		expect(sims.so.requests).toHaveLength(0);
	});

	it('names the field in the error that stops the run without continue-on-fail', async () => {
		const result = await harness.runNode({
			nodeType: 'autoSend',
			parameters: { ...suppressParameters(QUICK), ...FROM_FIELDS, emailsField: 'address' },
			credentials: autoSendCredential(sims.as),
			items: [{ address: 'jane@example.com' }, { email: 'john@example.com' }] as never,
		});

		expect(result.error?.message).toMatch(/has no field "address"/);
		expect(JSON.stringify(result.error)).toMatch(/Email Field/);
		expect(sims.as.requests).toHaveLength(0);
	});
});
