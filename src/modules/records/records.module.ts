import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { publicConfig } from '../../config/public.config';
import { ReportsModule } from '../reports';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

/**
 * Signed records as documents (biên bản): PDFs in Vietnamese drawn from stored data with the
 * layout kit (record-document.ts), one loader and one renderer per record.
 */
@Module({
  imports: [ConfigModule.forFeature(publicConfig), ReportsModule],
  controllers: [RecordsController],
  providers: [RecordsService],
})
export class RecordsModule {}
