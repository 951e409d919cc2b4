export { completePracticeContent } from '@pathways/contracts/testing';
