export * from './last-pilot-report';
