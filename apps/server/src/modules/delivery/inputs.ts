import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { DELIVERY_STATUSES } from './schema';

export const deliveryListQuery = pageQuery.extend({ status: z.enum(DELIVERY_STATUSES).optional() });
