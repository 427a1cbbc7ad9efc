-- Every foreign key between tenant tables on (tenant_id, id): a key on a bare id let a row point at
-- another tenant's row, since foreign key checks ignore row-level security.
-- Hand-edited: the membership's staff link clears only staff_member_id when its staff member is deleted
-- (Prisma's SET NULL would clear tenant_id as well, which is NOT NULL).

-- DropForeignKey
ALTER TABLE "departments" DROP CONSTRAINT "departments_parent_id_fkey";

-- DropForeignKey
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_staff_member_id_fkey";

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_tenant_id_parent_id_fkey" FOREIGN KEY ("tenant_id", "parent_id") REFERENCES "departments"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_staff_member_id_fkey" FOREIGN KEY ("tenant_id", "staff_member_id") REFERENCES "staff_members"("tenant_id", "id") ON DELETE SET NULL ("staff_member_id") ON UPDATE CASCADE;

-- Hand-written below: certificate_serials becomes a tenant table like every other. The public check at
-- /verify/{serial} finds a serial's tenant through certificate_serial_tenant(), a SECURITY DEFINER
-- function installed with its read policy by the set-up step (src/provision.ts: it has a body).

ALTER TABLE "certificate_serials" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "certificate_serials" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "certificate_serials"
  USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
