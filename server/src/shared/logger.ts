// Structured JSON logs (pino). LOG_LEVEL sets the level; tests run silent unless LOG_LEVEL is given.
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { service: 'ssj-server' },
  timestamp: pino.stdTimeFunctions.isoTime,
});
