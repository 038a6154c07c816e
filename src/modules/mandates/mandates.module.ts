import { Module } from '@nestjs/common';
import { AdminBootstrap } from './admin-bootstrap';
import { MandatesController } from './mandates.controller';
import { MandatesService } from './mandates.service';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { ReadPeopleSheetPipe } from './people-upload.pipe';

/** Who holds which role, for which unit or cluster, over which period; a unit's people as a sheet. */
@Module({
  controllers: [MandatesController, PeopleController],
  providers: [MandatesService, PeopleService, ReadPeopleSheetPipe, AdminBootstrap],
})
export class MandatesModule {}
