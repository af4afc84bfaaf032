// Bar colours shared by the overview's SVG charts and the PDF summary; each has at least 3:1
// contrast against white (WCAG 2.2 non-text contrast).
export const LEVEL_COLORS = ['#6b7280', '#15803d', '#1d4ed8', '#a16207', '#c2410c', '#b91c1c'];
export const STATUS_COLORS: Record<string, string> = {
	draft: '#6b7280',
	classified: '#4b5563',
	submitted: '#1d4ed8',
	under_review: '#7c3aed',
	returned: '#c2410c',
	approved: '#15803d'
};
