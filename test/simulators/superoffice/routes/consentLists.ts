/** The consent lists (GET /v1/List/ConsentPurpose|ConsentSource|LegalBase/Items), shaped as the List reference pages show them. */
import type { Route } from '../../common/routes';
import type { SuperOfficeContext } from '../context';
import type { SoConsentListItem } from '../state';

const carrier = (idKey: string, item: SoConsentListItem, rank: number) => ({
	[idKey]: item.id,
	Name: item.name,
	Tooltip: item.tooltip,
	Key: item.key,
	Rank: rank + 1,
	Deleted: item.deleted,
	TableRight: { Mask: 'FULL', Reason: '' },
	FieldProperties: {},
});

export function consentListRoutes({ state }: SuperOfficeContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: /^\/v1\/List\/ConsentPurpose\/Items$/i,
			run: () => ({
				status: 200,
				body: state.consentLists.purposes.map((item, rank) => ({
					...carrier('ConsentPurposeId', item, rank),
					ConsentText: item.name,
					FormText: '',
					Active: item.deleted ? 0 : 1,
					PrivacyStatementDesc: '',
					PrivacyStatementUrl: '',
				})),
			}),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/List\/ConsentSource\/Items$/i,
			run: () => ({
				status: 200,
				body: state.consentLists.sources.map((item, rank) => ({
					...carrier('ConsentSourceId', item, rank),
					MailTemplateId: 0,
				})),
			}),
		},
		{
			method: 'GET',
			pattern: /^\/v1\/List\/LegalBase\/Items$/i,
			run: () => ({
				status: 200,
				body: state.consentLists.legalBases.map((item, rank) => carrier('LegalBaseId', item, rank)),
			}),
		},
	];
}
