/**
 * Yoga's options for the edge: request guards, parser and input limits, query limits, typed errors
 * and error masking (one place, used by the server and by the tests).
 */
import type { Plugin, YogaServerOptions } from 'graphql-yoga';
import { useCompiledExecution } from './compiled-execution';
import type { GatewayConfig } from './config';
import { useInputLimits, useParserLimits, useQueryLimits } from './limits';
import { createMaskError, useRequestGuards, useTypedErrors } from './typed-errors-plugin';

export function edgeOptions(
  config: GatewayConfig,
): Required<Pick<YogaServerOptions<object, object>, 'maskedErrors' | 'maxRequestBodySize'>> & { plugins: Plugin[] } {
  return {
    plugins: [
      useRequestGuards(config),
      useParserLimits(config),
      useQueryLimits(config),
      useInputLimits(config),
      useTypedErrors({ debug: config.GATEWAY_DEBUG_ERRORS }),
      useCompiledExecution(),
    ],
    // Never Yoga's development mode (NODE_ENV) for what clients see: only GATEWAY_DEBUG_ERRORS.
    maskedErrors: { maskError: createMaskError(config.GATEWAY_DEBUG_ERRORS), isDev: false },
    // Multipart applications carry their files; JSON bodies have their own, smaller limit (useRequestGuards).
    maxRequestBodySize:
      config.APPLICATION_FILE_MAX_BYTES * config.APPLICATION_FILES_MAX + config.GRAPHQL_MAX_BODY_BYTES,
  };
}
