/** Instance metadata: IMDSv2 only, and two hops so containers on the host can still reach it. */
export const METADATA_OPTIONS = { HttpTokens: 'required', HttpPutResponseHopLimit: 2 };
