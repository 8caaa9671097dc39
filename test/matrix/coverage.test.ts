// Every operation the nodes offer is in both matrices, so a new operation cannot ship without its bad-input
// and fault cases.
import type { INodeProperties } from 'n8n-workflow';
import { AutoSend } from '../../nodes/AutoSend/AutoSend.node';
import { SuperOffice } from '../../nodes/SuperOffice/SuperOffice.node';
import { BAD_INPUT, OPERATIONS } from './cases';

/** resource/operation for every choice of every node's Operation parameter. */
function offered(properties: INodeProperties[]): string[] {
	return properties
		.filter((property) => property.name === 'operation' && property.type === 'options')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(property.options ?? []).map(
					(option) => `${String(resource)}/${String('value' in option ? option.value : '')}`,
				),
			),
		);
}

describe.each([
	['SuperOffice', new SuperOffice().description.properties, 'superOffice'],
	['AutoSend', new AutoSend().description.properties, 'autoSend'],
] as const)('%s operations in the matrices', (_node, properties, service) => {
	const operations = offered(properties);

	it('offers operations at all', () => {
		expect(operations.length).toBeGreaterThan(0);
	});

	it.each(operations)('%s has bad-input cases', (key) => {
		const entry = BAD_INPUT.find((candidate) => candidate.key === key && candidate.service === service);
		expect(entry?.cases.length ?? 0).toBeGreaterThan(0);
	});

	it.each(operations)('%s has fault cases', (key) => {
		expect(OPERATIONS.filter((candidate) => candidate.key === key && candidate.service === service)).toHaveLength(1);
	});
});
