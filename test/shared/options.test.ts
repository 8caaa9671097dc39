// The throughput defaults the code falls back on must be the defaults the editor shows: a user who leaves an
// option alone gets what its description promises.
import type { INodeProperties } from 'n8n-workflow';
import { AutoSend } from '../../nodes/AutoSend/AutoSend.node';
import { VALUE_BATCHING } from '../../nodes/AutoSend/actions/common.description';
import { AUTOSEND } from '../../nodes/AutoSend/transport';
import {
	DEFAULT_COMBINE_WINDOW_MS,
	DEFAULT_MAX_TRIES,
	DEFAULT_MAX_WAIT_S,
	DEFAULT_TIMEOUT_MS,
} from '../../nodes/shared/options';
import { MEMBER_BATCHING } from '../../nodes/SuperOffice/actions/common.description';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { SUPEROFFICE } from '../../nodes/SuperOffice/transport';

/** Every operation's Options collection, with the operation it belongs to. */
function optionsOf(properties: INodeProperties[]): Array<[operation: string, options: INodeProperties[]]> {
	return properties
		.filter((property) => property.name === 'options' && property.type === 'collection')
		.map((property) => [
			String(property.displayOptions?.show?.operation),
			(property.options ?? []) as INodeProperties[],
		]);
}

const shared: Record<string, unknown> = {
	maxWait: DEFAULT_MAX_WAIT_S,
	maxTries: DEFAULT_MAX_TRIES,
	timeout: DEFAULT_TIMEOUT_MS,
	combineWindow: DEFAULT_COMBINE_WINDOW_MS,
	combine: true,
};

describe.each([
	[
		'SuperOffice',
		new SuperOffice().description.properties,
		SUPEROFFICE.requestsPerSecond,
		MEMBER_BATCHING.batch?.default,
	],
	['AutoSend', new AutoSend().description.properties, AUTOSEND.requestsPerSecond, VALUE_BATCHING.batch?.default],
])('%s throughput options', (_service, properties, requestsPerSecond, batchSize) => {
	const collections = optionsOf(properties);

	it('exist for every operation', () => {
		expect(collections.length).toBeGreaterThan(0);
	});

	it.each(collections)("%s: each option's default is the one the code uses", (_operation, options) => {
		const expected: Record<string, unknown> = { ...shared, requestsPerSecond, batchSize };
		for (const option of options) {
			if (option.name in expected) expect([option.name, option.default]).toEqual([option.name, expected[option.name]]);
		}
		expect(options.find((option) => option.name === 'requestsPerSecond')?.default).toBe(requestsPerSecond);
	});

	it.each(collections)(
		'%s: no throughput option takes an expression, since it is read once per run',
		(_operation, options) => {
			for (const option of options) {
				if (option.name in shared || ['requestsPerSecond', 'batchSize'].includes(option.name))
					expect([option.name, option.noDataExpression]).toEqual([option.name, true]);
			}
		},
	);
});
