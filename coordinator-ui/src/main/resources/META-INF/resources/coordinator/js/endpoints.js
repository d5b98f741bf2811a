// Where each figure and action lives. Every figure is taken from the service that owns it: the
// transfer table (queue, proposals, offers, escalations, its own figures), intake-service (unique
// waiting, beyond each norm, intakes and treatment starts), capacity-service (stops and pauses in
// force, open capacity). Paths are relative to each service's base URL from config.json.

const id = encodeURIComponent;

export const ENDPOINTS = {
  // transfer-table-service
  stream: '/api/v1/screening/stream',
  queue: '/api/v1/screening/queue',
  proposal: (proposalId) => `/api/v1/proposals/${id(proposalId)}`,
  approve: (proposalId) => `/api/v1/proposals/${id(proposalId)}/approve`,
  reject: (proposalId) => `/api/v1/proposals/${id(proposalId)}/reject`,
  offers: '/api/v1/offers',
  escalations: '/api/v1/escalations',
  closures: '/api/v1/closures',
  closure: (closureId) => `/api/v1/closures/${id(closureId)}`,
  routeEscalation: (escalationId) => `/api/v1/escalations/${id(escalationId)}/route`,
  resolveEscalation: (escalationId) => `/api/v1/escalations/${id(escalationId)}/resolve`,
  proposals: '/api/v1/proposals',
  waitingClients: '/api/v1/waiting-clients',
  capacityLines: '/api/v1/capacity-lines',
  waitingListScreenings: '/api/v1/waiting-list-screenings',
  confirmScreening: (screeningId) => `/api/v1/waiting-list-screenings/${id(screeningId)}/confirm`,
  dismissScreening: (screeningId) => `/api/v1/waiting-list-screenings/${id(screeningId)}/dismiss`,
  transferFigures: (since) => `/api/v1/figures${since ? `?since=${since}` : ''}`,
  // intake-service
  intakeFigures: '/api/v1/figures',
  // capacity-service
  capacityFigures: '/api/v1/figures',
};
