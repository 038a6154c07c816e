import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from './page-query.dto';

/** Documents a list route's answer: `{ items: Item[], page, pageSize, total }`. */
export function ApiPageResponse(item: Type<unknown>, description?: string) {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'page', 'pageSize', 'total'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          page: { type: 'integer', minimum: 1, example: 1 },
          pageSize: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: 20 },
          total: {
            type: 'integer',
            minimum: 0,
            example: 7,
            description: 'Items matching the filters, over all pages.',
          },
        },
      },
    }),
  );
}
