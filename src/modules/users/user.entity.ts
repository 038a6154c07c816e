import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import type { Locale } from '../../common/access/locale';
// Still named here for the files that import them from the entity; new code takes src/common/access/locale.
export { LOCALES, type Locale } from '../../common/access/locale';

/** A person who signs in: secretariat staff, unit officers and heads, delegates, administrators. */
@Entity({ name: 'users' })
@Check('ck_users_locale', `"locale" IN ('vi', 'en')`)
@Check('ck_users_email_lowercase', `"email" = lower("email")`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text', default: 'vi' })
  locale: Locale;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** When the password was last set by its holder or reset by an administrator; null: at creation. */
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** Set by an administrator's reset: until the holder chooses a new password, they may only do that. */
  @Column({ name: 'password_must_change', type: 'boolean', default: false })
  passwordMustChange: boolean;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
